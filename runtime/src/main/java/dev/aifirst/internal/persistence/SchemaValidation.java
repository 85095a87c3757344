package dev.aifirst.internal.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * Checks, changing nothing, that the database holds the schema the runtime's scripts make: for a
 * schema that the application's own Flyway or Liquibase migrates.
 *
 * <p>What the scripts make is read from the scripts themselves, run on a private in-memory H2
 * database (the H2 and PostgreSQL scripts declare the same tables and columns), so a new script needs
 * nothing here. db-scheduler's table is checked for the columns db-scheduler uses, not for the layout
 * {@code V001} would give it, since it may be the application's own.
 */
public final class SchemaValidation {

    private final Database database;

    public SchemaValidation(Database database) {
        this.database = database;
    }

    /**
     * @throws IllegalStateException naming every missing table and column, and the version the
     *     schema is at when {@code aif_schema_version} says it is behind
     */
    public void validate() {
        int latest = Migrations.latestVersion(database.dialect());
        Map<String, Set<String>> expected = expectedTables();
        List<String> problems = database.inAutoCommit(connection -> problems(connection, latest, expected));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The database does not hold the schema this runtime needs (migration"
                    + " mode VALIDATE changes nothing): " + String.join("; ", problems) + ". Apply the scripts under"
                    + " db/aifirst/" + database.dialect().folder() + " up to V" + String.format("%03d", latest)
                    + " with your migration tool, or start with MigrationMode.MIGRATE");
        }
    }

    private List<String> problems(Connection connection, int latest, Map<String, Set<String>> expected)
            throws SQLException {
        List<String> problems = new ArrayList<>();
        OptionalInt recorded = Migrations.recordedVersion(connection);
        if (recorded.isPresent() && recorded.getAsInt() < latest) {
            problems.add(Migrations.VERSION_TABLE + " records version " + recorded.getAsInt() + ", this runtime needs"
                    + " version " + latest);
        }
        for (Map.Entry<String, Set<String>> table : expected.entrySet()) {
            Set<String> present = Tables.columns(connection, table.getKey());
            if (present.isEmpty()) {
                problems.add("table " + table.getKey() + " is missing");
                continue;
            }
            for (String column : table.getValue()) {
                if (!present.contains(column)) {
                    problems.add("table " + table.getKey() + " has no column " + column);
                }
            }
        }
        String schedulerTable = database.schedulerTable();
        if (!Tables.exists(connection, schedulerTable)) {
            problems.add("db-scheduler's table " + schedulerTable + " is missing");
        } else {
            String incompatibility = SchedulerTable.incompatibility(connection, schedulerTable);
            if (incompatibility != null) {
                problems.add(incompatibility);
            }
        }
        return problems;
    }

    /**
     * The runtime's own tables and their columns, lower-cased, as the H2 scripts make them: without
     * db-scheduler's table and without the version table, which only the runtime's migrations keep.
     */
    static Map<String, Set<String>> expectedTables() {
        String url = "jdbc:h2:mem:aifirst-expected-" + UUID.randomUUID();
        // The H2 driver directly, not DriverManager: the class loader that sees the runtime sees it.
        try (Connection connection = new org.h2.Driver().connect(url, new Properties())) {
            for (int version = 1; ; version++) {
                String script = Migrations.script(Dialect.H2, version, SchedulerTable.DEFAULT_NAME);
                if (script == null) {
                    break;
                }
                for (String sql : Migrations.statements(script)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(sql);
                    }
                }
            }
            Map<String, Set<String>> tables = new LinkedHashMap<>();
            for (String table : Tables.named(connection, "aif_")) {
                tables.put(table, Tables.columns(connection, table));
            }
            return tables;
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read the schema the runtime's scripts make: " + e.getMessage(), e);
        } catch (LinkageError noH2) {
            throw new IllegalStateException("Migration mode VALIDATE runs the runtime's scripts on an in-memory H2"
                    + " database to know what to look for: keep com.h2database:h2 on the class path, or start with"
                    + " MigrationMode.NONE", noH2);
        }
    }
}
