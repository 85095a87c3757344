package dev.aifirst.faults;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aifirst.AiFirst;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.testing.TcpProxy;
import dev.aifirst.testsupport.TestDatabase;
import dev.aifirst.testsupport.TestHibernate;
import jakarta.persistence.EntityManagerFactory;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A real polling runtime on PostgreSQL whose every connection goes through a {@link TcpProxy}: a
 * fresh schema, a Hikari pool whose connections carry an application name of their own (so that
 * they, and no one else's, can be terminated), Hibernate over the same pool, and the runtime.
 * Closing it restores the proxy, stops the runtime and drops the schema.
 */
final class FaultRig implements AutoCloseable {

    final String schema;
    final String applicationName;
    final TcpProxy proxy;
    final HikariDataSource pool;
    final EntityManagerFactory emf;
    final AiFirst runtime;

    private FaultRig(String schema, TcpProxy proxy, HikariDataSource pool, EntityManagerFactory emf, AiFirst runtime) {
        this.schema = schema;
        this.applicationName = "aifirst-fault-test-" + schema;
        this.proxy = proxy;
        this.pool = pool;
        this.emf = emf;
        this.runtime = runtime;
    }

    /** A runtime polling every {@code pollingInterval}, with a heartbeat every second. */
    static FaultRig start(Duration pollingInterval) {
        String schema = "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL at " + TestDatabase.PG_URL + " is not reachable (" + e.getMessage() + ")");
        }
        URI target = URI.create(TestDatabase.PG_URL.substring("jdbc:".length()));
        TcpProxy proxy = TcpProxy.start(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://" + proxy.host() + ":" + proxy.port() + target.getPath()
                + "?currentSchema=" + schema + "&ApplicationName=aifirst-fault-test-" + schema);
        config.setUsername(TestDatabase.PG_USER);
        config.setPassword("");
        config.setMaximumPoolSize(20);
        config.setPoolName("fault-" + schema);
        HikariDataSource pool = new HikariDataSource(config);
        EntityManagerFactory emf = TestHibernate.create(pool, Booking.class);
        AiFirst runtime = AiFirst.builder().dataSource(pool).entityManagerFactory(emf).nodeName("fault-node")
                .pollingInterval(pollingInterval).heartbeatInterval(Duration.ofSeconds(1)).start();
        return new FaultRig(schema, proxy, pool, emf, runtime);
    }

    /** A connection straight to the database, past the proxy and the pool. */
    static Connection admin() throws SQLException {
        return DriverManager.getConnection(TestDatabase.PG_URL, TestDatabase.PG_USER, "");
    }

    /**
     * Terminates every server process of the pool's connections, as a database restart does.
     *
     * @return how many were terminated
     */
    int terminatePoolConnections() throws SQLException {
        try (Connection c = admin(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                        + " AND query NOT ILIKE '%pg_stat_activity%' AND application_name = ?")) {
            s.setString(1, applicationName);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** A count read past the proxy, from the rig's schema: {@code sql} names the tables unqualified. */
    long count(String sql) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
            try (ResultSet rows = s.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        proxy.restore();
        try {
            runtime.close();
            emf.close();
            pool.close();
        } finally {
            proxy.close();
            try (Connection c = admin(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("[aifirst] could not drop test schema " + schema + ": " + e.getMessage());
            }
        }
    }
}
