package dev.aifirst.schema;

import dev.aifirst.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/** What an application that runs db-scheduler itself has in its database, and SQL to look at it. */
final class ApplicationTables {

    private ApplicationTables() {
    }

    /** db-scheduler's own DDL for its table (its test resources), as an application created it. */
    static void createDbSchedulerTable(DataSource dataSource, String name) throws SQLException {
        String binary = TestDatabase.isPostgres() ? "BYTEA" : "BLOB";
        String text = TestDatabase.isPostgres() ? "TEXT" : "VARCHAR(250)";
        execute(dataSource, "CREATE TABLE " + name + " (task_name " + text + " NOT NULL, task_instance " + text
                        + " NOT NULL, task_data " + binary + ", execution_time TIMESTAMP WITH TIME ZONE NOT NULL,"
                        + " picked BOOLEAN NOT NULL, picked_by " + text + ", last_success TIMESTAMP WITH TIME ZONE,"
                        + " last_failure TIMESTAMP WITH TIME ZONE, consecutive_failures INT,"
                        + " last_heartbeat TIMESTAMP WITH TIME ZONE, version BIGINT NOT NULL, priority SMALLINT,"
                        + " PRIMARY KEY (task_name, task_instance))",
                "CREATE INDEX execution_time_idx ON " + name + " (execution_time)",
                "CREATE INDEX last_heartbeat_idx ON " + name + " (last_heartbeat)",
                "CREATE INDEX priority_execution_time_idx ON " + name + " (priority DESC, execution_time ASC)");
    }

    /** An execution of the application's own task, as its db-scheduler writes it. */
    static void addApplicationExecution(DataSource dataSource, String table, String task, String instance,
            java.time.Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO " + table
                + " (task_name, task_instance, execution_time, picked, version) VALUES (?, ?, ?, FALSE, 1)")) {
            s.setString(1, task);
            s.setString(2, instance);
            s.setObject(3, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** {@code "<task> <instance>"} of every execution in {@code table}, sorted. */
    static List<String> executions(DataSource dataSource, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT task_name, task_instance FROM " + table
                     + " ORDER BY task_name, task_instance")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }

    /** The tables of the current schema, lower-cased. */
    static Set<String> tables(DataSource dataSource) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /** The names of the indexes on {@code table}, lower-cased. */
    static Set<String> indexes(DataSource dataSource, String table) throws SQLException {
        Set<String> indexes = new TreeSet<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            try (ResultSet rs = meta.getIndexInfo(null, c.getSchema(), stored, false, false)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null) {
                        indexes.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return indexes;
    }

    /** The rows of {@code aif_schema_version}: {@code "<version> <description>"}. */
    static List<String> recordedVersions(DataSource dataSource) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, description FROM aif_schema_version ORDER BY version")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }
}
