package dev.aifirst.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aifirst.testing.TcpProxy;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** A fresh, empty database for one measurement: a new PostgreSQL schema or a new in-memory H2 database. */
final class BenchDatabase implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final HikariDataSource dataSource;
    private final String schema;
    private final String adminUrl;
    private final String user;

    private BenchDatabase(HikariDataSource dataSource, String schema, String adminUrl, String user) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.adminUrl = adminUrl;
        this.user = user;
    }

    static boolean postgresReachable(BenchConfig config) {
        try (Connection ignored = DriverManager.getConnection(config.pgUrl(), config.pgUser(), "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static String postgresVersion(BenchConfig config) {
        try (Connection c = DriverManager.getConnection(config.pgUrl(), config.pgUser(), "")) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unreachable";
        }
    }

    static BenchDatabase postgres(BenchConfig config, int poolSize) {
        String schema = createSchema(config);
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(config.pgUrl() + (config.pgUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema);
        pool.setUsername(config.pgUser());
        pool.setPassword("");
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName(schema);
        return new BenchDatabase(new HikariDataSource(pool), schema, config.pgUrl(), config.pgUser());
    }

    /**
     * A fresh PostgreSQL schema reached through {@code proxy}: the pool connects to the proxy's port,
     * and its connections carry the schema's name as their {@code application_name}, so that they,
     * and no one else's, can be told apart in {@code pg_stat_activity}.
     */
    static BenchDatabase postgresThrough(BenchConfig config, int poolSize, TcpProxy proxy) {
        String schema = createSchema(config);
        String path = URI.create(config.pgUrl().substring("jdbc:".length())).getRawPath();
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl("jdbc:postgresql://" + proxy.host() + ":" + proxy.port() + path + "?currentSchema=" + schema
                + "&ApplicationName=" + schema);
        pool.setUsername(config.pgUser());
        pool.setPassword("");
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName(schema);
        return new BenchDatabase(new HikariDataSource(pool), schema, config.pgUrl(), config.pgUser());
    }

    /** The PostgreSQL schema, or {@code null} on H2; through a proxy, also the pool's application name. */
    String schema() {
        return schema;
    }

    static BenchDatabase h2(int poolSize) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl("jdbc:h2:mem:bench" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        pool.setUsername("sa");
        pool.setMaximumPoolSize(poolSize);
        return new BenchDatabase(new HikariDataSource(pool), null, null, null);
    }

    private static String createSchema(BenchConfig config) {
        String schema = "aifirst_bench_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(config.pgUrl(), config.pgUser(), "");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + schema + " at " + config.pgUrl(), e);
        }
        return schema;
    }

    DataSource dataSource() {
        return dataSource;
    }

    String jdbcUrl() {
        return dataSource.getJdbcUrl();
    }

    boolean isPostgres() {
        return schema != null;
    }

    @Override
    public void close() {
        if (schema != null) {
            dataSource.close();
            try (Connection c = DriverManager.getConnection(adminUrl, user, "");
                 Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("Could not drop schema " + schema + ": " + e.getMessage());
            }
        } else {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // the database is gone either way
            }
            dataSource.close();
        }
    }
}
