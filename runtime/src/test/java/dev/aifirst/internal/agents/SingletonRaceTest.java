package dev.aifirst.internal.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.agents.fixtures.Concierge;
import dev.aifirst.agents.fixtures.ConciergeAgent;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.persistence.Dialect;
import dev.aifirst.internal.persistence.Migrations;
import dev.aifirst.internal.scheduling.Executions;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two transactions spawn the singleton agent of one match at the same time: the unique index, not a
 * read before the write, makes one agent, and the second transaction gets that agent. On PostgreSQL,
 * where several nodes share one database; the embedded H2 serves one node.
 */
@DatabaseTest
class SingletonRaceTest {

    static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    TestDatabase db;
    Database database;
    AgentLifecycle lifecycle;

    @BeforeEach
    void start() {
        db = TestDatabase.create();
        database = new Database(db.dataSource());
        Assumptions.assumeTrue(database.dialect() == Dialect.POSTGRESQL, "concurrent nodes share a PostgreSQL database");
        new Migrations(database).migrate();
        lifecycle = new AgentLifecycle(new AgentStore(database.dialect()), new InboxStore(), new JournalStore(),
                Executions.of(database), at -> { });
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private AgentLifecycle.Spawned spawn(Connection c) throws SQLException {
        Concierge.Context context = new Concierge.Context();
        context.bookingId = 7;
        return lifecycle.spawn(c, new ConciergeAgent(), context, null, null, "spawned by hand", T0);
    }

    @Test
    void twoConcurrentSpawnsOfOneMatchMakeOneAgent() throws Exception {
        try (Connection first = db.dataSource().getConnection(); Connection second = db.dataSource().getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            Object secondSession = sessionOf(second);
            AgentLifecycle.Spawned winner = spawn(first);
            assertThat(winner.created()).isTrue();

            // The second spawn's insert meets the first's uncommitted row and waits for its transaction.
            CompletableFuture<AgentLifecycle.Spawned> loser = CompletableFuture.supplyAsync(() -> {
                try {
                    AgentLifecycle.Spawned spawned = spawn(second);
                    second.commit();
                    return spawned;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitBlocked(first, secondSession);
            first.commit();

            AgentLifecycle.Spawned found = loser.get(30, TimeUnit.SECONDS);
            assertThat(found.created()).isFalse();
            assertThat(found.agent().id).isEqualTo(winner.agent().id);
        }
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM aif_agent")) {
            rs.next();
            assertThat(rs.getInt(1)).as("agents").isEqualTo(1);
        }
    }

    /** The id of the connection's session, as the database's lock views name it. */
    private Object sessionOf(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getObject(1);
        }
    }

    /** Waits until {@code session} waits for a lock: a condition the database reports, not a guess at timing. */
    private void awaitBlocked(Connection observer, Object session) throws Exception {
        String sql = "SELECT cardinality(pg_blocking_pids(?)) > 0";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (PreparedStatement s = observer.prepareStatement(sql)) {
                s.setObject(1, session);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return;
                    }
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the second spawn never waited for the first");
    }
}
