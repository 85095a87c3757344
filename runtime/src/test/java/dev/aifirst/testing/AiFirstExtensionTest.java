package dev.aifirst.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.AiFirst;
import dev.aifirst.PageRequest;
import dev.aifirst.events.EventQuery;
import dev.aifirst.events.EventRecord;
import dev.aifirst.events.EventStatus;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.events.fixtures.BookingHandlers;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The test kit's JUnit extension, used as an application's tests use it: default H2, its entities, injected runtime. */
class AiFirstExtensionTest {

    @RegisterExtension
    static final AiFirstExtension aifirst = AiFirstExtension.builder()
            .entities(Booking.class)
            .startingAt(Instant.parse("2026-06-01T09:00:00Z"))
            .build();

    @BeforeEach
    void forget(TimeMachine time) {
        BookingHandlers.reset();
        BookingHandlers.clock = time.clock();
    }

    @Test
    void aCheckInTwoDaysAheadOccursWhenTheClockGetsThere(AiFirst runtime, TimeMachine time, EntityManagerFactory emf) {
        Booking booking = new Booking("Ada", time.now().plus(Duration.ofDays(2)));
        booking.setStatus(Booking.Status.CONFIRMED);
        emf.runInTransaction(em -> em.persist(booking));

        time.advance(Duration.ofDays(2));

        EventRecord checkin = runtime.events().find(Booking.class, booking.getId(), "checkin_due");
        assertThat(checkin.status()).isEqualTo(EventStatus.OCCURRED);
        assertThat(checkin.occurredAt()).isEqualTo(Instant.parse("2026-06-03T09:00:00Z"));
    }

    @Test
    void eachTestStartsOnAFreshDatabaseAtTheConfiguredTime(AiFirst runtime, TimeMachine time) {
        assertThat(time.now()).isEqualTo(Instant.parse("2026-06-01T09:00:00Z"));
        assertThat(runtime.events().list(EventQuery.all(), PageRequest.first(10)).items())
                .as("nothing another test saved").isEmpty();
        assertThat(aifirst.runtime()).as("the injected runtime is the extension's").isSameAs(runtime);
    }
}
