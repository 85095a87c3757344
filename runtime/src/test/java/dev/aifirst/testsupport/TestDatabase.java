package dev.aifirst.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The database a runtime test runs against, chosen by the system property {@code aifirst.test.db}:
 * {@code h2} (default) gives a fresh in-memory H2 database; {@code postgresql} gives a fresh schema in
 * the PostgreSQL database at {@code aifirst.test.pg.url} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}). When PostgreSQL is asked for
 * but not reachable, the test is skipped with a message saying so.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String KIND = System.getProperty("aifirst.test.db", "h2").toLowerCase(Locale.ROOT);
    public static final String PG_URL = System.getProperty("aifirst.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getProperty("aifirst.test.pg.user", "postgres");

    private final HikariDataSource dataSource;
    private final String jdbcUrl;
    private final String schema;


    private TestDatabase(HikariDataSource dataSource, String jdbcUrl, String schema) {
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
        this.schema = schema;
    }

    public static boolean isPostgres() {
        return KIND.equals("postgresql");
    }

    /** A fresh, empty database of the configured kind. */
    public static TestDatabase create() {
        return isPostgres() ? postgres() : h2();
    }

    public static TestDatabase h2() {
        String url = "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        return new TestDatabase(pool(url, "sa", null), url, null);
    }

    /** A fresh H2 file database under {@code directory}, reachable from other JVMs of the test. */
    public static TestDatabase h2File(java.nio.file.Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("db").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        return new TestDatabase(pool(url, "sa", null), url, null);
    }

    public static TestDatabase postgres() {
        String schema = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String message = "PostgreSQL at " + PG_URL + " is not reachable (" + e.getMessage()
                    + "): PostgreSQL tests skipped";
            System.err.println("[aifirst] " + message);
            Assumptions.abort(message);
        }
        String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(pool(url, PG_USER, schema), url, schema);
    }

    /** A pool that, when closed, also drops its PostgreSQL schema: closing it cleans up everything. */
    private static HikariDataSource pool(String url, String user, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(12);
        config.setPoolName("test");
        return new HikariDataSource(config) {
            @Override
            public void close() {
                boolean open = !isClosed();
                super.close();
                if (open && schema != null) {
                    dropSchema(schema);
                }
            }
        };
    }

    private static void dropSchema(String schema) {
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("[aifirst] could not drop test schema " + schema + ": " + e.getMessage());
        }
    }

    /** The database; closing it (an {@link AutoCloseable}) closes this test database. */
    public DataSource dataSource() {
        return dataSource;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return isPostgres() && schema != null ? PG_USER : "sa";
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
