package dev.aifirst.events;

import static dev.aifirst.testsupport.TestHibernate.fromTransaction;
import static dev.aifirst.testsupport.TestHibernate.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.AiFirst;
import dev.aifirst.PageRequest;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.events.fixtures.BookingEvents;
import dev.aifirst.events.fixtures.BookingHandlers;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestRuntime;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Business events kept in sync with a JPA entity, end to end, on a controllable clock. */
@DatabaseTest
class BusinessEventsTest {

    /** Enough for every list a test reads. */
    static final PageRequest PAGE = PageRequest.first(100);

    static final Instant T0 = TestRuntime.T0;

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension(Booking.class).build();

    EntityManagerFactory emf;
    TimeMachine time;
    AiFirst runtime;

    @BeforeEach
    void start() {
        emf = aifirst.entityManagerFactory();
        time = aifirst.time();
        runtime = aifirst.runtime();
        BookingHandlers.reset();
        BookingHandlers.clock = time.clock();
    }

    long save(Booking booking) {
        return fromTransaction(emf, em -> {
            em.persist(booking);
            return booking.getId();
        });
    }

    void update(long id, java.util.function.Consumer<Booking> change) {
        inTransaction(emf, em -> change.accept(em.find(Booking.class, id)));
    }

    EventRecord event(long id, String name) {
        return runtime.events().find(Booking.class, id, name);
    }

    List<String> calls(String handler) {
        return BookingHandlers.CALLS.stream().filter(c -> c.startsWith(handler + " ")).toList();
    }

    @Test
    void immediateEventOccursAfterCommitAndItsHandlerRunsOnceWithExactlyOnceEffect() {
        long id = save(new Booking("Ada", null));
        assertThat(event(id, "booking_created").status()).isEqualTo(EventStatus.PENDING);
        assertThat(calls("onCreated")).isEmpty();

        time.runDue();
        time.advance(Duration.ofHours(1));

        assertThat(calls("onCreated")).containsExactly("onCreated booking_created #" + id + " at " + T0);
        EventRecord created = event(id, "booking_created");
        assertThat(created.status()).isEqualTo(EventStatus.OCCURRED);
        assertThat(created.occurredAt()).isEqualTo(T0);
        assertThat(runtime.events().deliveries(DeliveryQuery.ofEvent(created.id()), PAGE).items()).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.DONE));
        // The handler's write committed with its delivery, once.
        String guest = fromTransaction(emf, em -> em.find(Booking.class, id).getGuest());
        assertThat(guest).isEqualTo("Ada (welcomed)");
    }

    @Test
    void rollbackLeavesNoEventRow() {
        try {
            inTransaction(emf, em -> {
                em.persist(new Booking("Ghost", null));
                em.flush();
                throw new IllegalStateException("business rule broken");
            });
        } catch (IllegalStateException expected) {
            // the entity and its events roll back together
        }
        assertThat(runtime.events().list(EventQuery.all().withStatus(EventStatus.PENDING), PAGE).items()).isEmpty();
        time.runDue();
        assertThat(BookingHandlers.CALLS).isEmpty();
    }

    @Test
    void conditionAndTriggersDecideWhetherAnImmediateEventOccurs() {
        long id = save(new Booking("Ada", null));
        assertThat(event(id, "booking_changed")).as("UPDATE-only event never occurs at creation").isNull();
        time.runDue();
        assertThat(event(id, "booking_confirmed")).as("not confirmed at creation").isNull();
        assertThat(calls("onChanged")).as("onCreated's own update is an UPDATE").hasSize(1);

        update(id, b -> b.setStatus(Booking.Status.CONFIRMED));
        time.runDue();
        assertThat(calls("onConfirmed")).hasSize(1);

        update(id, b -> b.setGuest("Ada L."));
        time.runDue();
        assertThat(calls("onConfirmed")).as("an occurred event does not occur again without watch").hasSize(1);
        assertThat(calls("onChanged")).hasSize(1);
    }

    @Test
    void scheduledEventOccursAtItsDateAndNegativeOffsetRunsBefore() {
        Instant checkin = T0.plus(Duration.ofDays(3));
        Booking booking = new Booking("Ada", checkin);
        booking.setStatus(Booking.Status.CONFIRMED);
        long id = save(booking);

        time.advance(Duration.ofDays(2));
        assertThat(calls("beforeCheckin")).isEmpty();
        assertThat(event(id, "checkin_due").status()).isEqualTo(EventStatus.PENDING);

        time.advance(Duration.ofDays(2));
        Instant hourBefore = checkin.minus(Duration.ofHours(1));
        assertThat(calls("beforeCheckin")).containsExactly("beforeCheckin checkin_due #" + id + " at " + hourBefore);
        assertThat(calls("atCheckin")).containsExactly("atCheckin checkin_due #" + id + " at " + checkin);
        assertThat(BookingHandlers.CALLS.indexOf(calls("beforeCheckin").get(0)))
                .isLessThan(BookingHandlers.CALLS.indexOf(calls("atCheckin").get(0)));
        assertThat(event(id, "checkin_due").occurredAt()).isEqualTo(checkin);
    }

    @Test
    void movingTheDateMovesTheEventWithoutDuplicate() {
        Instant checkin = T0.plus(Duration.ofDays(3));
        Booking booking = new Booking("Ada", checkin);
        booking.setStatus(Booking.Status.CONFIRMED);
        long id = save(booking);
        Instant moved = checkin.plus(Duration.ofDays(2));
        update(id, b -> b.setCheckinAt(moved));

        time.advance(Duration.ofDays(4));
        assertThat(calls("atCheckin")).isEmpty();
        assertThat(calls("beforeCheckin")).isEmpty();

        time.advance(Duration.ofDays(2));
        assertThat(calls("atCheckin")).containsExactly("atCheckin checkin_due #" + id + " at " + moved);
        assertThat(calls("beforeCheckin")).containsExactly(
                "beforeCheckin checkin_due #" + id + " at " + moved.minus(Duration.ofHours(1)));
        assertThat(runtime.events().list(EventQuery.ofEntity(Booking.class, id), PAGE).items()
                .stream().filter(e -> e.name().equals("checkin_due")))
                .hasSize(1);
    }

    @Test
    void conditionFalseAtTheDateMeansTheEventDoesNotOccur() {
        Instant checkin = T0.plus(Duration.ofDays(1));
        Booking booking = new Booking("Ada", checkin);
        booking.setStatus(Booking.Status.CONFIRMED);
        long id = save(booking);
        update(id, b -> b.setStatus(Booking.Status.CANCELLED));

        time.advance(Duration.ofDays(2));
        assertThat(calls("atCheckin")).isEmpty();
        assertThat(calls("beforeCheckin")).isEmpty();
        EventRecord checkinDue = event(id, "checkin_due");
        assertThat(checkinDue.status()).isEqualTo(EventStatus.PENDING);
        assertThat(checkinDue.note()).contains("condition");
    }

    @Test
    void deleteCancelsPendingEventsAndDeleteHandlerSeesTheLastState() {
        Booking booking = new Booking("Ada", T0.plus(Duration.ofDays(3)));
        booking.setStatus(Booking.Status.CONFIRMED);
        long id = save(booking);
        time.runDue();
        inTransaction(emf, em -> em.remove(em.find(Booking.class, id)));
        time.runDue();

        assertThat(event(id, "checkin_due").status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(calls("onDeleted")).containsExactly("onDeleted booking_deleted #" + id + " guest=Ada (welcomed)");
        time.advance(Duration.ofDays(5));
        assertThat(calls("atCheckin")).isEmpty();
    }

    @Test
    void templatedEventsRenderPerEntityAndWatchLetsThemOccurAgain() {
        Booking booking = new Booking("Ada", null);
        booking.setStage("cleaning");
        long id = save(booking);
        time.runDue();
        assertThat(event(id, "stage_done:cleaning")).as("condition false at creation").isNull();

        update(id, b -> b.setStageDone(true));
        time.runDue();
        assertThat(calls("onStageDone")).containsExactly("onStageDone stage_done:cleaning #" + id + " at " + T0);
        assertThat(calls("onCleaningDone")).as("a handler of one rendering").hasSize(1);

        update(id, b -> b.setStageDone(false));
        update(id, b -> b.setStageDone(true));
        time.runDue();
        assertThat(calls("onStageDone")).as("watched property changed: occurs again").hasSize(2);
        assertThat(event(id, "stage_done:cleaning").occurrence()).isEqualTo(2);

        update(id, b -> {
            b.setStage("laundry");
            b.setStageDone(true);
        });
        time.runDue();
        assertThat(calls("onStageDone")).last().asString().startsWith("onStageDone stage_done:laundry");
        assertThat(calls("onCleaningDone")).hasSize(2);
    }

    @Test
    void nullTemplatePropertyTracksNothing() {
        long id = save(new Booking("Ada", null));
        time.runDue();
        assertThat(runtime.events().list(EventQuery.ofEntity(Booking.class, id), PAGE).items()).extracting(EventRecord::name)
                .doesNotContain("stage_done:null").noneMatch(n -> n.startsWith("stage_done"));
    }

    @Test
    void nullDateWaitsUndatedAndPastDateOccursImmediately() {
        Booking booking = new Booking("Ada", null);
        long id = save(booking);
        time.advance(Duration.ofDays(1));
        EventRecord checkout = event(id, "checkout_due");
        assertThat(checkout.status()).isEqualTo(EventStatus.PENDING);
        assertThat(checkout.dueAt()).isNull();

        update(id, b -> b.setCheckoutDate(LocalDate.of(2026, 5, 20)));
        time.runDue();
        assertThat(calls("atCheckout")).containsExactly("atCheckout checkout_due #" + id + " at " + time.now());
    }

    @Test
    void failingHandlerIsRetriedWithBackoffAndItsFailureIsRecorded() {
        BookingHandlers.FAILURES_TO_GO.set(2);
        Booking booking = new Booking("Ada", null);
        booking.setStatus(Booking.Status.CONFIRMED);
        long id = save(booking);
        time.runDue();
        EventRecord confirmed = event(id, "booking_confirmed");
        DeliveryRecord flaky = runtime.events().deliveries(DeliveryQuery.ofEvent(confirmed.id()), PAGE).items().stream()
                .filter(d -> d.subscriber().endsWith("#flaky")).findFirst().orElseThrow();
        assertThat(flaky.status()).isEqualTo(DeliveryStatus.SCHEDULED);
        assertThat(flaky.attempts()).isEqualTo(1);
        assertThat(flaky.lastError()).contains("lock service unavailable");
        assertThat(flaky.dueAt()).isEqualTo(T0.plusSeconds(2));

        time.advance(Duration.ofSeconds(10));
        assertThat(calls("flaky")).containsExactly("flaky booking_confirmed #" + id + " at " + T0.plusSeconds(6));
        assertThat(calls("onConfirmed")).as("other handlers are independent").hasSize(1);
    }

    @Test
    void handlerThatKeepsFailingEndsFailedAndVisible() {
        BookingHandlers.FAILURES_TO_GO.set(100);
        Booking booking = new Booking("Ada", null);
        booking.setStatus(Booking.Status.CONFIRMED);
        save(booking);
        time.advance(Duration.ofMinutes(5));
        assertThat(runtime.events().deliveries(DeliveryQuery.withStatus(DeliveryStatus.FAILED), PAGE).items())
                .singleElement().satisfies(d -> {
            assertThat(d.subscriber()).endsWith("#flaky");
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastError()).contains("IllegalStateException: lock service unavailable");
        });
    }

    @Test
    void eventsDueWhileTheRuntimeWasDownStillOccur() {
        Booking booking = new Booking("Ada", T0.plus(Duration.ofDays(1)));
        booking.setStatus(Booking.Status.CONFIRMED);
        long id = save(booking);
        runtime.close();

        TimeMachine later = TimeMachine.startingAt(T0.plus(Duration.ofDays(30)));
        BookingHandlers.clock = later.clock();
        try (AiFirst restarted = AiFirst.builder().dataSource(aifirst.dataSource()).entityManagerFactory(emf)
                .timeMachine(later).start()) {
            later.runDue();
            assertThat(calls("atCheckin")).hasSize(1);
            assertThat(calls("beforeCheckin")).hasSize(1);
            assertThat(restarted.events().find(Booking.class, id, "checkin_due").status()).isEqualTo(EventStatus.OCCURRED);
        }
    }

    @Test
    void resyncRepairsRowsAfterBulkSql() throws Exception {
        Instant checkin = T0.plus(Duration.ofDays(3));
        Booking booking = new Booking("Ada", checkin);
        booking.setStatus(Booking.Status.CONFIRMED);
        long id = save(booking);
        Instant moved = checkin.plus(Duration.ofDays(1));
        try (Connection c = aifirst.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE booking SET checkinAt = TIMESTAMP WITH TIME ZONE '2026-06-05 09:00:00+00'");
            s.executeUpdate("INSERT INTO booking (id, guest, status, stageDone) VALUES (9999, 'Bulk', 'REQUESTED', FALSE)");
        }
        assertThat(runtime.events().resync(Booking.class)).isEqualTo(2);
        assertThat(event(id, "checkin_due").dueAt()).isEqualTo(moved);
        assertThat(event(9999, "booking_created")).isNotNull();
        assertThat(event(9999, "booking_changed")).as("resync never makes an UPDATE-only event occur").isNull();

        try (Connection c = aifirst.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM booking WHERE id = 9999");
        }
        runtime.events().resync(Booking.class);
        assertThat(event(9999, "booking_created").status()).isIn(EventStatus.CANCELLED, EventStatus.OCCURRED);
    }

    @Test
    void rowsOfAnEventRemovedOrRenamedInCodeAreCancelledNotBroken() throws Exception {
        Instant checkin = T0.plus(Duration.ofDays(3));
        Booking booking = new Booking("Ada", checkin);
        booking.setStatus(Booking.Status.CONFIRMED);
        long id = save(booking);
        // As if an older version of the code had declared "arrival_due", since renamed to "checkin_due":
        // the old version's pending row is still in the table with its scheduled execution.
        try (Connection c = aifirst.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE aif_event SET name = 'arrival_due', declared_name = 'arrival_due'"
                    + " WHERE name = 'checkin_due' AND entity_id = '" + id + "'");
        }

        update(id, b -> b.setGuest("Ada L."));  // syncing the entity copes with the stray row
        // Rows under the new name are created by a resync after the deploy (an UPDATE alone never
        // creates a CREATE-triggered event).
        assertThat(runtime.events().resync(Booking.class)).isEqualTo(1);
        time.advance(Duration.ofDays(4));

        EventRecord old = event(id, "arrival_due");
        assertThat(old.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(old.note()).isEqualTo("the entity declares no event arrival_due any more");
        assertThat(event(id, "checkin_due").status()).as("the renamed event lives on under its new name")
                .isEqualTo(EventStatus.OCCURRED);
        assertThat(calls("atCheckin")).containsExactly("atCheckin checkin_due #" + id + " at " + checkin);
    }

    @Test
    void purgingOldRowsNeverMakesOldEventsFireAgain() {
        Booking booking = new Booking("Ada", null);
        booking.setStatus(Booking.Status.CONFIRMED);
        long id = save(booking);
        time.advance(Duration.ofMinutes(5));
        assertThat(calls("onConfirmed")).hasSize(1);

        time.advance(Duration.ofDays(60));
        assertThat(runtime.events().purge(time.now().minus(Duration.ofDays(30)))).isPositive();
        update(id, b -> b.setGuest("Ada again"));
        time.runDue();
        assertThat(calls("onConfirmed")).hasSize(1);
        assertThat(calls("onCreated")).hasSize(1);
    }

    @Test
    void queriesByStatusAndDueWindow() {
        Booking booking = new Booking("Ada", T0.plus(Duration.ofDays(3)));
        booking.setStatus(Booking.Status.CONFIRMED);
        booking.setCheckoutDate(LocalDate.of(2026, 6, 10));
        long id = save(booking);
        assertThat(runtime.events().list(EventQuery.all().withStatus(EventStatus.PENDING)
                .dueBetween(T0.plus(Duration.ofDays(2)), T0.plus(Duration.ofDays(4))), PAGE).items())
                .extracting(EventRecord::name).containsExactly("checkin_due");
        assertThat(runtime.events().list(EventQuery.ofEntity(Booking.class, id), PAGE).items()).extracting(EventRecord::name)
                .containsExactlyInAnyOrder("booking_created", "booking_confirmed", "checkin_due", "checkout_due");
        time.runDue();
        assertThat(runtime.events().list(EventQuery.all().withStatus(EventStatus.OCCURRED), PAGE).items())
                .extracting(EventRecord::name)
                .contains("booking_created", "booking_confirmed");
        assertThat(BookingEvents.CHECKIN_DUE).isEqualTo("checkin_due");
    }
}
