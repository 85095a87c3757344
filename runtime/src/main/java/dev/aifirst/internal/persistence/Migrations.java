package dev.aifirst.internal.persistence;

import java.io.IOException;
import java.io.InputStream;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the runtime's schema with versioned SQL scripts, one set per dialect:
 * {@code db/aifirst/<dialect>/V001.sql}, {@code V002.sql}, ... on the class path, applied in order,
 * each once, recorded in {@code aif_schema_version}. The first line of a script is a comment that
 * describes it. Scripts are numbered without gaps, so the runtime finds them without listing the
 * class path. On PostgreSQL an advisory lock keeps two starting nodes from migrating at once.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final long ADVISORY_LOCK_KEY = 0x41_49_46_49_52_53_54L; // "AIFIRST"

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
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS aif_schema_version ("
                        + "version INT PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
            }
            int current = currentVersion(connection);
            List<Integer> applied = new ArrayList<>();
            for (int version = current + 1; ; version++) {
                String script = load(version);
                if (script == null) {
                    break;
                }
                apply(connection, version, script);
                applied.add(version);
            }
            if (!applied.isEmpty()) {
                LOG.info("AI-First schema migrated to version {} on {}", applied.get(applied.size() - 1), database.dialect());
            }
            return applied;
        });
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet rs = query.executeQuery("SELECT COALESCE(MAX(version), 0) FROM aif_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String load(int version) throws IOException {
        String path = String.format("db/aifirst/%s/V%03d.sql", database.dialect().folder(), version);
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void apply(Connection connection, int version, String script) throws SQLException {
        String description = script.lines().findFirst().orElse("").replaceFirst("^--\\s*", "").trim();
        for (String sql : statements(script)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new SQLException("Migration V" + version + " (" + description + ") failed at: " + sql
                        + ": " + e.getMessage(), e.getSQLState(), e);
            }
        }
        try (PreparedStatement record = connection.prepareStatement(
                "INSERT INTO aif_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            record.setInt(1, version);
            record.setString(2, description.length() > 200 ? description.substring(0, 200) : description);
            record.setTimestamp(3, Timestamp.from(Instant.now()));
            record.executeUpdate();
        }
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
