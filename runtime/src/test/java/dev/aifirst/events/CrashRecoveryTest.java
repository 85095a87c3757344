package dev.aifirst.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.AiFirst;
import dev.aifirst.PageRequest;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.events.fixtures.BookingHandlers;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.ChildJvm;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestDatabase;
import dev.aifirst.testsupport.TestHibernate;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox: a node that dies right after committing an entity change, or in the middle of a
 * handler, loses nothing; after a restart every handler runs, and its effect happens once.
 */
@DatabaseTest
class CrashRecoveryTest {

    /** Enough for every list a test reads. */
    static final PageRequest PAGE = PageRequest.first(100);

    @TempDir
    Path dir;

    TestDatabase database() {
        return TestDatabase.isPostgres() ? TestDatabase.postgres() : TestDatabase.h2File(dir);
    }

    @Test
    void nodeKilledRightAfterCommitLosesNoEvent() throws Exception {
        try (TestDatabase db = database()) {
            EntityManagerFactory emf = TestHibernate.create(db.dataSource(), Booking.class);
            AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(emf)
                    .timeMachine(TimeMachine.startingAt(Instant.now())).start().close(); // creates the schema

            Path log = dir.resolve("after-commit.log");
            Process child = ChildJvm.start(CrashingNode.class, log, List.of(), db.jdbcUrl(), db.user(), "after-commit");
            assertThat(ChildJvm.await(child, log)).as(ChildJvm.output(log)).isEqualTo(137);
            assertThat(ChildJvm.output(log)).contains("committed=true; halting");

            BookingHandlers.reset();
            TimeMachine time = TimeMachine.startingAt(Instant.now());
            BookingHandlers.clock = time.clock();
            try (AiFirst runtime = AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(emf)
                    .timeMachine(time).start()) {
                EventRecord created = runtime.events().list(EventQuery.all().withStatus(EventStatus.PENDING), PAGE).items()
                        .stream()
                        .filter(e -> e.name().equals("booking_created")).findFirst().orElseThrow();
                time.runDue();
                assertThat(BookingHandlers.CALLS).filteredOn(c -> c.startsWith("onCreated")).hasSize(1);
                assertThat(runtime.events().deliveries(DeliveryQuery.ofEvent(created.id()), PAGE).items()).singleElement()
                        .satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.DONE));
                time.runDue();
                assertThat(BookingHandlers.CALLS).filteredOn(c -> c.startsWith("onCreated")).hasSize(1);
            }
            emf.close();
        }
    }

    @Test
    void nodeKilledInsideAHandlerRunsItAgainWithItsEffectOnce() throws Exception {
        try (TestDatabase db = database()) {
            EntityManagerFactory emf = TestHibernate.create(db.dataSource(), Booking.class);
            AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(emf)
                    .timeMachine(TimeMachine.startingAt(Instant.now())).start().close();

            Path log = dir.resolve("in-handler.log");
            Process child = ChildJvm.start(CrashingNode.class, log, List.of("-Daifirst.test.haltInOnCreated=true"),
                    db.jdbcUrl(), db.user(), "in-handler");
            assertThat(ChildJvm.await(child, log)).as(ChildJvm.output(log)).isEqualTo(137);
            assertThat(ChildJvm.output(log)).contains("halting inside onCreated");

            BookingHandlers.reset();
            // The dead node's execution stays picked until its heartbeat is stale; a time machine
            // far enough ahead lets db-scheduler's dead-execution detection hand it over.
            TimeMachine time = TimeMachine.startingAt(Instant.now().plusSeconds(3600));
            BookingHandlers.clock = time.clock();
            try (AiFirst runtime = AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(emf)
                    .timeMachine(time).start()) {
                time.detectDeadExecutions();
                time.runDue();
                assertThat(BookingHandlers.CALLS).filteredOn(c -> c.startsWith("onCreated")).hasSize(1);
                String guest = TestHibernate.fromTransaction(emf, em -> em
                        .createQuery("select b.guest from Booking b", String.class).getSingleResult());
                assertThat(guest).as("the killed attempt's write rolled back; the retry's committed once")
                        .isEqualTo("Crash (welcomed)");
            }
            emf.close();
        }
    }
}
