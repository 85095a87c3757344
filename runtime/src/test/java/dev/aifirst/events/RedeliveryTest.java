package dev.aifirst.events;

import static dev.aifirst.testsupport.TestHibernate.fromTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aifirst.AiFirst;
import dev.aifirst.Audit;
import dev.aifirst.OperationRefusedException;
import dev.aifirst.PageRequest;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.events.fixtures.BookingHandlers;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.scheduling.Executions;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestRuntime;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An operator redelivers failed deliveries, one or by query; each redelivery is an audit row of the delivery. */
@DatabaseTest
class RedeliveryTest {

    static final PageRequest PAGE = PageRequest.first(100);
    static final String FLAKY = BookingHandlers.class.getName() + "#flaky";

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension(Booking.class).build();

    EntityManagerFactory emf;
    TimeMachine time;
    AiFirst runtime;
    Events events;

    @BeforeEach
    void start() {
        emf = aifirst.entityManagerFactory();
        time = aifirst.time();
        runtime = aifirst.runtime();
        events = runtime.events();
        BookingHandlers.reset();
        BookingHandlers.clock = time.clock();
    }

    /** A confirmed booking whose {@code flaky} handler failed all three attempts. */
    private long confirmedWithFailedDelivery() {
        BookingHandlers.FAILURES_TO_GO.set(3);
        long id = fromTransaction(emf, em -> {
            Booking booking = new Booking("Ada", null);
            booking.setStatus(Booking.Status.CONFIRMED);
            em.persist(booking);
            return booking.getId();
        });
        time.advance(Duration.ofMinutes(5));
        return id;
    }

    private DeliveryRecord flakyDelivery(long bookingId) {
        EventRecord confirmed = events.find(Booking.class, bookingId, "booking_confirmed");
        return events.deliveries(DeliveryQuery.ofEvent(confirmed.id()).toSubscriber(FLAKY), PAGE).items().get(0);
    }

    private List<String> calls(String handler) {
        return BookingHandlers.CALLS.stream().filter(c -> c.startsWith(handler + " ")).toList();
    }

    @Test
    void aFailedDeliveryIsRedeliveredWithItsAttemptsResetAndAnAuditRow() {
        long booking = confirmedWithFailedDelivery();
        DeliveryRecord failed = flakyDelivery(booking);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        time.advance(Duration.ofHours(2));
        Instant redeliveredAt = time.now();

        DeliveryRecord scheduled = events.redeliver(failed.id(), Audit.by("alice", "the lock service is back"));

        assertThat(scheduled.status()).isEqualTo(DeliveryStatus.SCHEDULED);
        assertThat(scheduled.attempts()).isZero();
        assertThat(scheduled.dueAt()).isEqualTo(redeliveredAt);
        assertThat(flakyDelivery(booking)).isEqualTo(scheduled);
        time.runDue();

        assertThat(calls("flaky")).containsExactly("flaky booking_confirmed #" + booking + " at " + redeliveredAt);
        DeliveryRecord done = flakyDelivery(booking);
        assertThat(done.status()).isEqualTo(DeliveryStatus.DONE);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.completedAt()).isEqualTo(redeliveredAt);
        assertThat(events.audits(failed.id(), PAGE).items()).singleElement().satisfies(audit -> {
            assertThat(audit.deliveryId()).isEqualTo(failed.id());
            assertThat(audit.action()).isEqualTo("redeliver");
            assertThat(audit.audit()).isEqualTo(Audit.by("alice", "the lock service is back"));
            assertThat(audit.at()).isEqualTo(redeliveredAt);
            assertThat(audit.statusBefore()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(audit.attemptsBefore()).isEqualTo(3);
            assertThat(audit.errorBefore()).contains("IllegalStateException: lock service unavailable");
        });
        assertThat(calls("onConfirmed")).as("the event's other handlers are not run again").hasSize(1);
    }

    @Test
    void theShortFormOfRedeliverRecordsTheUserTheProcessRunsAs() {
        DeliveryRecord failed = flakyDelivery(confirmedWithFailedDelivery());

        events.redeliver(failed.id());

        assertThat(events.audits(failed.id(), PAGE).items()).singleElement()
                .satisfies(audit -> assertThat(audit.audit()).isEqualTo(Audit.ofThisProcess()));
    }

    @Test
    void aRedeliveryThatFailsAgainHasItsFullRetryPolicyAndIsAuditedEachTime() {
        long booking = confirmedWithFailedDelivery();
        long id = flakyDelivery(booking).id();
        BookingHandlers.FAILURES_TO_GO.set(100);

        events.redeliver(id, Audit.by("alice", "try again"));
        time.advance(Duration.ofMinutes(5));
        DeliveryRecord again = flakyDelivery(booking);
        assertThat(again.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(again.attempts()).as("three attempts more").isEqualTo(3);

        events.redeliver(id, Audit.by("bob", "and again"));
        assertThat(events.audits(id, PAGE).items()).extracting(audit -> audit.audit().operator())
                .containsExactly("alice", "bob");
        assertThat(events.audits(id, PageRequest.first(1)).nextRequest()).isNotNull();
    }

    @Test
    void aDeliveryThatDidNotFailIsRefusedAndLeftAsItWas() {
        long booking = confirmedWithFailedDelivery();
        EventRecord confirmed = events.find(Booking.class, booking, "booking_confirmed");
        DeliveryRecord done = events.deliveries(DeliveryQuery.ofEvent(confirmed.id()).status(DeliveryStatus.DONE), PAGE)
                .items().get(0);

        assertThatThrownBy(() -> events.redeliver(done.id(), Audit.by("alice", "once more")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage("Cannot redeliver delivery " + done.id() + " of event " + confirmed.id() + " (occurrence 1) to "
                        + done.subscriber() + " (DONE): it did not fail; only a FAILED delivery can be redelivered");
        assertThat(events.deliveries(DeliveryQuery.ofEvent(confirmed.id()), PAGE).items()).contains(done);
        assertThat(events.audits(done.id(), PAGE).items()).isEmpty();

        long scheduled = flakyDelivery(booking).id();
        events.redeliver(scheduled, Audit.by("alice", "first"));
        assertThatThrownBy(() -> events.redeliver(scheduled, Audit.by("alice", "twice")))
                .isInstanceOf(OperationRefusedException.class).hasMessageContaining("(SCHEDULED): it did not fail");
        assertThatThrownBy(() -> events.redeliver(-1, Audit.by("alice", "?")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("There is no delivery -1 to redeliver");
    }

    @Test
    void aDeliveryToAHandlerThatIsNotDeployedIsRefused() throws Exception {
        long id = flakyDelivery(confirmedWithFailedDelivery()).id();
        try (Connection c = aifirst.dataSource().getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE aif_event_delivery SET subscriber = ? WHERE id = ?")) {
            update.setString(1, "com.example.Gone#handle");
            update.setLong(2, id);
            update.executeUpdate();
        }

        assertThatThrownBy(() -> events.redeliver(id, Audit.by("alice", "why not")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("to com.example.Gone#handle (FAILED): its handler is not deployed here");
    }

    @Test
    void aDeliveryWhoseFirstAttemptsExecutionIsStillBeingFinishedIsRefusedForAMoment() {
        DeliveryRecord failed = flakyDelivery(confirmedWithFailedDelivery());
        // As when a first attempt failed for good and the scheduler has not yet removed its execution.
        Database database = new Database(aifirst.dataSource());
        database.inTransaction(c -> Executions.of(database).add(c, "aif-event-delivery", failed.id() + "#1",
                time.now().plus(Duration.ofDays(1))));

        assertThatThrownBy(() -> events.redeliver(failed.id(), Audit.by("alice", "quick")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("(FAILED): its last attempt is still finishing; redeliver it in a moment");
        assertThat(events.deliveries(DeliveryQuery.withStatus(DeliveryStatus.FAILED), PAGE).items()).containsExactly(failed);
        assertThat(events.audits(failed.id(), PAGE).items()).isEmpty();
    }

    @Test
    void everyFailedDeliveryOfAQueryIsRedelivered() {
        long first = confirmedWithFailedDelivery();
        long second = confirmedWithFailedDelivery();
        assertThat(events.deliveries(DeliveryQuery.withStatus(DeliveryStatus.FAILED), PAGE).items()).hasSize(2);

        int redelivered = events.redeliver(DeliveryQuery.all().toSubscriber(FLAKY), Audit.by("ops", "lock service fixed"));

        assertThat(redelivered).isEqualTo(2);
        time.runDue();
        assertThat(calls("flaky")).hasSize(2);
        assertThat(flakyDelivery(first).status()).isEqualTo(DeliveryStatus.DONE);
        assertThat(events.audits(flakyDelivery(second).id(), PAGE).items()).hasSize(1);
        assertThat(events.redeliver(DeliveryQuery.all(), Audit.by("ops", "nothing left"))).isZero();
        assertThatThrownBy(() -> events.redeliver(DeliveryQuery.withStatus(DeliveryStatus.DONE), Audit.by("ops", "?")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Only FAILED deliveries are redelivered; the query selects DONE deliveries");
    }

    @Test
    void purgingADeliveryPurgesItsAuditRows() {
        long id = flakyDelivery(confirmedWithFailedDelivery()).id();
        events.redeliver(id, Audit.by("alice", "fixed"));
        time.runDue();

        events.purge(time.now().plusSeconds(1));

        assertThat(events.audits(id, PAGE).items()).isEmpty();
    }
}
