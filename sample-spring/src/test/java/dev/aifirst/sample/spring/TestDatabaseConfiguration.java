package dev.aifirst.sample.spring;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * The test's database, chosen by the system property {@code aifirst.test.db}: a fresh in-memory H2
 * database ({@code h2}, the default), or a fresh schema of the PostgreSQL database at
 * {@code aifirst.test.pg.url} ({@code postgresql}, the build's second run), dropped with the context.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestDatabaseConfiguration {

    static final boolean POSTGRES = "postgresql".equals(System.getProperty("aifirst.test.db", "h2"));
    static final String PG_URL = System.getProperty("aifirst.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getProperty("aifirst.test.pg.user", "postgres");

    /** Skips the test class, before its context starts, when PostgreSQL is asked for and not reachable. */
    static void assumeReachable() {
        if (!POSTGRES) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            connection.isValid(5);
        } catch (SQLException e) {
            String why = "PostgreSQL at " + PG_URL + " is not reachable (" + e.getMessage() + "): PostgreSQL tests skipped";
            System.err.println("[aifirst] " + why);
            Assumptions.abort(why);
        }
    }

    @Bean
    DataSource dataSource() {
        HikariConfig config = new HikariConfig();
        String schema = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (POSTGRES) {
            execute("CREATE SCHEMA " + schema);
            config.setJdbcUrl(PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            config.setUsername(PG_USER);
        } else {
            config.setJdbcUrl("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1");
            config.setUsername("sa");
        }
        config.setPassword("");
        return new HikariDataSource(config) {
            @Override
            public void close() {
                boolean open = !isClosed();
                super.close();
                if (open && POSTGRES) {
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
