package dev.aifirst.spring.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The database of a test's Spring context, as the runtime's tests choose it: the system property
 * {@code aifirst.test.db} is {@code h2} (default: a fresh in-memory H2 database) or {@code postgresql}
 * (a fresh schema in the database at {@code aifirst.test.pg.url}, dropped when the pool closes with
 * the context). {@link DatabaseTest} skips a test class when PostgreSQL is asked for and not reachable.
 */
public final class TestDatabase {

    static final String KIND = System.getProperty("aifirst.test.db", "h2").toLowerCase(Locale.ROOT);
    static final String PG_URL = System.getProperty("aifirst.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getProperty("aifirst.test.pg.user", "postgres");

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return KIND.equals("postgresql");
    }

    /** A fresh, empty database of the configured kind; closing the pool cleans it up. */
    public static DataSource create() {
        if (!isPostgres()) {
            String url = "jdbc:h2:mem:s" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
            return pool(url, "sa", null);
        }
        String schema = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE SCHEMA " + schema);
        return pool(PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema, PG_USER, schema);
    }

    /** Why PostgreSQL cannot be used, or {@code null} when it can. */
    static String unreachable() {
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            return null;
        } catch (SQLException e) {
            return "PostgreSQL at " + PG_URL + " is not reachable (" + e.getMessage() + "): PostgreSQL tests skipped";
        }
    }

    private static HikariDataSource pool(String url, String user, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(12);
        config.setPoolName("spring-test");
        return new HikariDataSource(config) {
            @Override
            public void close() {
                boolean open = !isClosed();
                super.close();
                if (open && schema != null) {
                    execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        };
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + PG_URL + ": " + e.getMessage(), e);
        }
    }
}
