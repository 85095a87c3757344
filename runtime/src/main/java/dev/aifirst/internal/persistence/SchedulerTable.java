package dev.aifirst.internal.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * db-scheduler's table under the name the runtime is configured with. It may be the application's
 * own, shared with the application's db-scheduler: then the runtime reuses it as it is, provided it
 * has the columns that db-scheduler 16 and the runtime's SQL use.
 */
public final class SchedulerTable {

    /** db-scheduler's own default name, and the runtime's. */
    public static final String DEFAULT_NAME = "scheduled_tasks";

    /**
     * Stands for the table's name in the migration scripts. The runtime replaces it when it migrates;
     * Flyway (a placeholder) and Liquibase (a changelog property) replace it when they run the scripts.
     */
    public static final String PLACEHOLDER = "${aifirst_scheduler_table}";

    /** The columns db-scheduler 16 reads and writes (priority only when enabled, which it is not). */
    static final List<String> REQUIRED_COLUMNS = List.of("task_name", "task_instance", "task_data", "execution_time",
            "picked", "picked_by", "last_success", "last_failure", "consecutive_failures", "last_heartbeat", "version");

    /**
     * A plain SQL identifier, short enough for the index names made from it
     * ({@code <name>_last_heartbeat_idx} within PostgreSQL's 63 characters).
     */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,43}");

    private SchedulerTable() {
    }

    /**
     * Checks a configured table name.
     *
     * @throws IllegalArgumentException naming the value, if it is not a plain SQL identifier of at most 44 characters
     */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("schedulerTable must be a plain SQL identifier (letters, digits and"
                    + " '_', not starting with a digit, at most 44 characters), was '" + name + "'");
        }
        return name;
    }

    /**
     * Why an existing {@code table} cannot serve as db-scheduler's table, or {@code null} if it can:
     * the columns it lacks.
     */
    static String incompatibility(Connection connection, String table) throws SQLException {
        Set<String> present = Tables.columns(connection, table);
        List<String> missing = new ArrayList<>();
        for (String column : REQUIRED_COLUMNS) {
            if (!present.contains(column)) {
                missing.add(column);
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        return "the table " + table + " is not a db-scheduler table the runtime can use: it has no column "
                + String.join(", ", missing) + " (db-scheduler 16 uses " + String.join(", ", REQUIRED_COLUMNS)
                + "). Give the runtime a table of its own with AiFirst.builder().schedulerTable(\"aif_scheduled_tasks\")";
    }
}
