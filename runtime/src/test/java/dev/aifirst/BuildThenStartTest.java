package dev.aifirst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * A runtime built without starting it (as a container wires it before starting its components)
 * keeps entity changes as events, and executes nothing until it is started; closed, it stays closed.
 */
@DatabaseTest
class BuildThenStartTest {

    @Test
    void aBuiltRuntimeRecordsEventsAndExecutesThemOnceStarted() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            EntityManagerFactory emf = TestHibernate.create(db.dataSource(), Booking.class);
            BookingHandlers.reset();
            BookingHandlers.clock = Clock.systemUTC();
            BookingHandlers.calls = new CountDownLatch(1);
            try (AiFirst runtime = AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(emf)
                    .pollingInterval(Duration.ofHours(1)).build()) {
                assertThat(runtime.isRunning()).isFalse();

                TestHibernate.inTransaction(emf, em -> em.persist(new Booking("Ada", null)));
                // No worker exists yet: the occurrence waits in the scheduler's table.
                assertThat(runtime.backlog().due()).isPositive();
                assertThat(BookingHandlers.CALLS).isEmpty();

                runtime.start();
                runtime.start(); // a second start changes nothing
                assertThat(runtime.isRunning()).isTrue();
                // Generous bound for a loaded CI machine; the start-up poll finds the work.
                assertThat(BookingHandlers.calls.await(20, TimeUnit.SECONDS)).as("handler ran").isTrue();
                assertThat(BookingHandlers.CALLS).filteredOn(c -> c.startsWith("onCreated")).hasSize(1);

                runtime.close();
                runtime.close(); // a second close changes nothing
                assertThat(runtime.isRunning()).isFalse();
                assertThatThrownBy(runtime::start).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("was closed");
            } finally {
                emf.close();
            }
        }
    }

    @Test
    void aRuntimeClosedWithoutEverStartingStopsCleanly() {
        try (TestDatabase db = TestDatabase.create()) {
            EntityManagerFactory emf = TestHibernate.create(db.dataSource(), Booking.class);
            try {
                AiFirst runtime = AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(emf).build();
                runtime.close();
                assertThat(runtime.isRunning()).isFalse();
            } finally {
                emf.close();
            }
        }
    }
}
