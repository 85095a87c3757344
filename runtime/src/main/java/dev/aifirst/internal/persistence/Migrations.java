package dev.aifirst.internal.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the runtime's schema with versioned SQL scripts, one set per dialect:
 * {@code db/aifirst/<dialect>/V001.sql}, {@code V002.sql}, ... on the class path, applied in order,
 * each once, recorded in {@code aif_schema_version}. The first line of a script is a comment that
 * describes it. Scripts are numbered without gaps, so the runtime finds them without listing the
 * class path. On PostgreSQL an advisory lock keeps two starting nodes from migrating at once.
 *
 * <p>The names follow Flyway's convention ({@code V<version>}{@code .sql}) and the scripts are plain
 * SQL, so an application's own Flyway or Liquibase can run them instead. db-scheduler's table is named
 * by the placeholder {@value SchedulerTable#PLACEHOLDER}, replaced here as Flyway and Liquibase
 * replace it. {@code V001} creates that table; when the table exists already (the application's own),
 * it is checked and reused as it is instead.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final long ADVISORY_LOCK_KEY = 0x41_49_46_49_52_53_54L; // "AIFIRST"
    static final String VERSION_TABLE = "aif_schema_version";
    /** The version whose script creates db-scheduler's table. */
    private static final int SCHEDULER_TABLE_VERSION = 1;
    /** A table of the first scripts: present without a recorded version, another tool made the schema. */
    private static final String EVENT_TABLE = "aif_event";

    private final Database database;

    public Migrations(Database database) {
        this.database = database;
    }

    /** Applies every script not applied yet; returns the versions applied now. */
    public List<Integer> migrate() {
        return database.inTransaction(connection -> {
            if (database.dialect() == Dialect.POSTGRESQL) {
                try (Statement lock = connection.createStatement()) {
                    lock.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")");
                }
            }
            int current = recordedVersion(connection).orElse(0);
            if (current == 0 && Tables.exists(connection, EVENT_TABLE)) {
                throw new IllegalStateException("The AI-First tables exist, but " + VERSION_TABLE + " records no"
                        + " version: another tool (Flyway, Liquibase) manages the schema. Start the runtime with"
                        + " AiFirst.builder().migrationMode(MigrationMode.VALIDATE) or MigrationMode.NONE");
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE + " ("
                        + "version INT PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
            }
            List<Integer> applied = new ArrayList<>();
            for (int version = current + 1; ; version++) {
                String script = script(database.dialect(), version, database.schedulerTable());
                if (script == null) {
                    break;
                }
                if (version == SCHEDULER_TABLE_VERSION && Tables.exists(connection, database.schedulerTable())) {
                    reuseSchedulerTable(connection, script);
                } else {
                    apply(connection, version, script);
                }
                applied.add(version);
            }
            requireSchedulerTable(connection, applied.isEmpty() ? current : applied.get(applied.size() - 1));
            if (!applied.isEmpty()) {
                LOG.info("AI-First schema migrated to version {} on {}", applied.get(applied.size() - 1), database.dialect());
            }
            return applied;
        });
    }

    /** The application's db-scheduler table takes the place of the one {@code V001} would create. */
    private void reuseSchedulerTable(Connection connection, String script) throws SQLException {
        String table = database.schedulerTable();
        String incompatibility = SchedulerTable.incompatibility(connection, table);
        if (incompatibility != null) {
            throw new IllegalStateException("db-scheduler's table cannot be reused: " + incompatibility);
        }
        record(connection, SCHEDULER_TABLE_VERSION, description(script) + "; reused the existing " + table);
        LOG.info("AI-First reuses the existing db-scheduler table {}", table);
    }

    /**
     * db-scheduler's table exists and has its columns: a table name changed since the schema was made,
     * or a table altered behind the runtime's back, is refused before any work is lost in it.
     */
    private void requireSchedulerTable(Connection connection, int version) throws SQLException {
        String table = database.schedulerTable();
        if (!Tables.exists(connection, table)) {
            throw new IllegalStateException("db-scheduler's table " + table + " does not exist, but the AI-First"
                    + " schema is at version " + version + ": it was made with another table name. Start the runtime"
                    + " with the name it was made with (AiFirst.builder().schedulerTable(...)), or create " + table
                    + " and move the executions into it");
        }
        String incompatibility = SchedulerTable.incompatibility(connection, table);
        if (incompatibility != null) {
            throw new IllegalStateException("db-scheduler's table cannot be used: " + incompatibility);
        }
    }

    /** The highest version in {@code aif_schema_version}, or empty if it has none or does not exist. */
    static OptionalInt recordedVersion(Connection connection) throws SQLException {
        if (!Tables.exists(connection, VERSION_TABLE)) {
            return OptionalInt.empty();
        }
        try (Statement query = connection.createStatement();
             ResultSet rs = query.executeQuery("SELECT MAX(version) FROM " + VERSION_TABLE)) {
            rs.next();
            int version = rs.getInt(1);
            return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(version);
        }
    }

    /** The version of the last script shipped for {@code dialect}. */
    static int latestVersion(Dialect dialect) {
        int version = 0;
        while (resource(dialect, version + 1) != null) {
            version++;
        }
        return version;
    }

    /**
     * The script of {@code version} for {@code dialect}, with db-scheduler's table named
     * {@code schedulerTable}; {@code null} past the last one.
     */
    static String script(Dialect dialect, int version, String schedulerTable) {
        String script = resource(dialect, version);
        return script == null ? null : script.replace(SchedulerTable.PLACEHOLDER, schedulerTable);
    }

    /** Where the script of {@code version} for {@code dialect} lives on the class path. */
    static String path(Dialect dialect, int version) {
        return String.format("db/aifirst/%s/V%03d.sql", dialect.folder(), version);
    }

    private static String resource(Dialect dialect, int version) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path(dialect, version))) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path(dialect, version), e);
        }
    }

    private static void apply(Connection connection, int version, String script) throws SQLException {
        String description = description(script);
        for (String sql : statements(script)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new SQLException("Migration V" + version + " (" + description + ") failed at: " + sql
                        + ": " + e.getMessage(), e.getSQLState(), e);
            }
        }
        record(connection, version, description);
    }

    private static void record(Connection connection, int version, String description) throws SQLException {
        try (PreparedStatement record = connection.prepareStatement(
                "INSERT INTO " + VERSION_TABLE + " (version, description, applied_at) VALUES (?, ?, ?)")) {
            record.setInt(1, version);
            record.setString(2, description.length() > 200 ? description.substring(0, 200) : description);
            record.setTimestamp(3, Timestamp.from(Instant.now()));
            record.executeUpdate();
        }
    }

    /** The first line of a script, without its comment marker. */
    private static String description(String script) {
        return script.lines().findFirst().orElse("").replaceFirst("^--\\s*", "").trim();
    }

    /** Splits a script into statements at semicolons that end a line; drops comment lines. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().trim();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().trim());
        }
        return statements;
    }
}
