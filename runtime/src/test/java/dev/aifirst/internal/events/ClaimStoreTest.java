package dev.aifirst.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.events.ClaimRecord;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.persistence.Migrations;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The claims table under concurrent occurrences, on H2 and PostgreSQL. */
@DatabaseTest
class ClaimStoreTest {

    static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    TestDatabase db;
    Database database;
    ClaimStore claims = new ClaimStore();

    @BeforeEach
    void start() {
        db = TestDatabase.create();
        database = new Database(db.dataSource());
        new Migrations(database).migrate();
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void twoOccurrencesAtOnceCountAgainstAClaimOneAfterTheOther() throws Exception {
        database.inTransaction(c -> {
            claims.hold(c, "workflow:r1", "stage_done:{stage}", "7", null, 1, T0);
            return null;
        });
        try (Connection first = db.dataSource().getConnection()) {
            first.setAutoCommit(false);
            ClaimRecord taken = claims.take(first, "stage_done:{stage}", "stage_done:cleaning", "7", T0);
            assertThat(taken.holder()).isEqualTo("workflow:r1");

            // The second occurrence looks for a claim while the first one's transaction is open.
            CompletableFuture<ClaimRecord> second = CompletableFuture.supplyAsync(() -> database.inTransaction(
                    c -> claims.take(c, "stage_done:{stage}", "stage_done:linen", "7", T0)));
            awaitASessionBlocked(second);
            first.commit();

            assertThat(second.get(30, TimeUnit.SECONDS)).as("the claim covered one occurrence, taken by the first")
                    .isNull();
        }
        List<ClaimRecord> left = database.inTransaction(c -> claims.active(c, T0, 0, 100));
        assertThat(left).isEmpty();
    }

    /** Waits until the database reports a session waiting for another's lock. */
    private void awaitASessionBlocked(CompletableFuture<?> second) throws Exception {
        String query = TestDatabase.isPostgres()
                ? "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                : "SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                assertThat(second).as("the second occurrence must wait for the first's claim").isNotDone();
                try (ResultSet rs = s.executeQuery(query)) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("no session waited for the claim's lock within 30 s");
    }
}
