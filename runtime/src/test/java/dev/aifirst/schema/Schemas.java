package dev.aifirst.schema;

import dev.aifirst.testsupport.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** The runtime's scripts as a test sees them on the class path: the current ones, and the legacy ones. */
final class Schemas {

    private Schemas() {
    }

    /** The folder of the scripts of the dialect under test: {@code h2} or {@code postgresql}. */
    static String dialect() {
        return TestDatabase.isPostgres() ? "postgresql" : "h2";
    }

    /** The version of the last script the runtime ships. */
    static int latestVersion() {
        int version = 0;
        while (Schemas.class.getClassLoader().getResource(String.format("db/aifirst/%s/V%03d.sql", dialect(),
                version + 1)) != null) {
            version++;
        }
        return version;
    }

    /**
     * Makes the database the runtime made before db-scheduler's table became reusable: the scripts it
     * shipped then ({@code legacy-schema/<dialect>/}), up to {@code version}, each recorded in
     * {@code aif_schema_version} as it recorded them.
     */
    static void migrateAsTheLegacyRuntime(DataSource dataSource, int version) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS aif_schema_version (version INT PRIMARY KEY,"
                    + " description VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
            for (int v = 1; v <= version; v++) {
                String script = legacyScript(v);
                for (String sql : script.replaceAll("(?m)^\\s*--.*$", "").split(";\\s*\\n")) {
                    if (!sql.isBlank()) {
                        s.execute(sql.trim());
                    }
                }
                try (PreparedStatement record = c.prepareStatement(
                        "INSERT INTO aif_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                    record.setInt(1, v);
                    record.setString(2, script.lines().findFirst().orElse("").replaceFirst("^--\\s*", ""));
                    record.setTimestamp(3, Timestamp.from(Instant.now()));
                    record.executeUpdate();
                }
            }
        }
    }

    private static String legacyScript(int version) throws IOException {
        String path = String.format("legacy-schema/%s/V%03d.sql", dialect(), version);
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no legacy script " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
