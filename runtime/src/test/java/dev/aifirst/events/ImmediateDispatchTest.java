package dev.aifirst.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.AiFirst;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.events.fixtures.BookingHandlers;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestDatabase;
import dev.aifirst.testsupport.TestHibernate;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** On the real, threaded scheduler: immediate events are dispatched at commit, not at the next poll. */
@DatabaseTest
class ImmediateDispatchTest {

    @Test
    void immediateEventIsHandledWithoutWaitingForThePollingInterval() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            EntityManagerFactory emf = TestHibernate.create(db.dataSource(), Booking.class);
            BookingHandlers.reset();
            BookingHandlers.clock = Clock.systemUTC();
            try (AiFirst runtime = AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(emf)
                    .pollingInterval(Duration.ofHours(1)).start()) {
                // A poll at start-up has passed; from now on only a wake-up finds new work.
                BookingHandlers.calls = new CountDownLatch(1);
                TestHibernate.inTransaction(emf, em -> em.persist(new Booking("Ada", null)));
                // Generous bound for a loaded CI machine; the polling interval is an hour.
                assertThat(BookingHandlers.calls.await(20, TimeUnit.SECONDS)).as("handler ran").isTrue();
                assertThat(BookingHandlers.CALLS).filteredOn(c -> c.startsWith("onCreated")).hasSize(1);
            } finally {
                emf.close();
            }
        }
    }
}
