package dev.aifirst.workflows;

import static dev.aifirst.testsupport.TestHibernate.fromTransaction;
import static dev.aifirst.testsupport.TestHibernate.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aifirst.AiFirst;
import dev.aifirst.PageRequest;
import dev.aifirst.events.ClaimRecord;
import dev.aifirst.events.Claims;
import dev.aifirst.events.DeliveryQuery;
import dev.aifirst.events.DeliveryRecord;
import dev.aifirst.events.DeliveryStatus;
import dev.aifirst.events.EventRecord;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.events.fixtures.BookingEvents;
import dev.aifirst.events.fixtures.BookingHandlers;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestRuntime;
import dev.aifirst.workflows.fixtures.StageWatch;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Claims: while a run holds one, an entity's event goes only to that run and to handlers that
 * ignore claims; on H2 and PostgreSQL.
 */
@DatabaseTest
class ClaimsTest {

    /** Enough for every list a test reads. */
    static final PageRequest PAGE = PageRequest.first(100);

    static final Instant T0 = TestRuntime.T0;

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension(Booking.class).build();

    EntityManagerFactory emf;
    TimeMachine time;
    AiFirst runtime;
    Workflows workflows;

    @BeforeEach
    void start() {
        emf = aifirst.entityManagerFactory();
        time = aifirst.time();
        runtime = aifirst.runtime();
        workflows = runtime.workflows();
        BookingHandlers.reset();
        BookingHandlers.clock = time.clock();
    }

    private long book(String guest) {
        long id = fromTransaction(emf, em -> {
            Booking booking = new Booking(guest, null);
            em.persist(booking);
            return booking.getId();
        });
        time.runDue();
        return id;
    }

    /** Marks a stage of the booking done: {@code stage_done:<stage>} occurs. */
    private void stageDone(long booking, String stage) {
        inTransaction(emf, em -> {
            Booking b = em.find(Booking.class, booking);
            b.setStage(stage);
            b.setStageDone(true);
        });
        time.runDue();
    }

    private String watch(long booking, java.util.function.Consumer<StageWatch.Context> settings) {
        StageWatch.Context context = new StageWatch.Context();
        context.bookingId = booking;
        settings.accept(context);
        String id = workflows.start(StageWatch.class, context);
        time.runDue();
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.WAITING);
        return id;
    }

    /** The handlers that received the booking's events: {@code "<handler> <event name>"}. */
    private List<String> handled(long booking) {
        return BookingHandlers.CALLS.stream().filter(call -> call.contains(" #" + booking + " "))
                .filter(call -> call.contains(" stage_done:"))
                .map(call -> call.substring(0, call.indexOf(" #"))).toList();
    }

    private List<DeliveryRecord> deliveries(long booking, String event) {
        EventRecord record = runtime.events().find(Booking.class, booking, event);
        return runtime.events().deliveries(DeliveryQuery.ofEvent(record.id()), PAGE).items();
    }

    @Test
    void aClaimedEventGoesOnlyToItsHolderAndToHandlersThatIgnoreClaims() {
        long ada = book("Ada");
        long bob = book("Bob");
        String run = watch(ada, ctx -> ctx.until = 2);
        assertThat(runtime.events().claims(PAGE).items()).singleElement().satisfies(claim -> {
            assertThat(claim.eventName()).isEqualTo(BookingEvents.STAGE_DONE);
            assertThat(claim.match()).isEqualTo(String.valueOf(ada));
            assertThat(claim.holder()).isEqualTo("workflow:" + run);
            assertThat(claim.expiresAt()).isNull();
            assertThat(claim.remaining()).isNull();
        });

        stageDone(ada, "cleaning");
        assertThat(handled(ada)).containsExactlyInAnyOrder("auditStageDone stage_done:cleaning");
        assertThat(workflows.find(run).context()).contains("\"seen\":[\"stage_done:cleaning\"]");
        assertThat(deliveries(ada, "stage_done:cleaning")).filteredOn(d -> d.status() == DeliveryStatus.SKIPPED)
                .extracting(DeliveryRecord::subscriber)
                .containsExactlyInAnyOrder(BookingHandlers.class.getName() + "#onStageDone",
                        BookingHandlers.class.getName() + "#onCleaningDone", "workflow:stage_digest")
                .hasSize(3);
        assertThat(deliveries(ada, "stage_done:cleaning")).filteredOn(d -> d.status() == DeliveryStatus.SKIPPED)
                .allSatisfy(d -> assertThat(d.lastError()).isEqualTo("the event is claimed by workflow:" + run));
        time.advance(Duration.ofMinutes(15));
        assertThat(workflows.runs(RunQuery.all().entity(Booking.class, ada), PAGE).items())
                .as("a workflow started by the event is not started")
                .isEmpty();

        stageDone(bob, "cleaning");
        assertThat(handled(bob)).as("another booking's events are not claimed").containsExactlyInAnyOrder(
                "onStageDone stage_done:cleaning", "auditStageDone stage_done:cleaning",
                "onCleaningDone stage_done:cleaning");

        stageDone(ada, "linen");
        assertThat(workflows.find(run).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(workflows.find(run).result()).isEqualTo("\"stage_done:cleaning, stage_done:linen\"");
        assertThat(runtime.events().claims(PAGE).items()).as("the claim ends with its run").isEmpty();

        stageDone(ada, "keys");
        assertThat(handled(ada)).containsExactlyInAnyOrder("auditStageDone stage_done:cleaning",
                "auditStageDone stage_done:linen", "onStageDone stage_done:keys", "auditStageDone stage_done:keys");
    }

    @Test
    void aClaimEndsWhenItsTimeRunsOut() {
        long ada = book("Ada");
        String run = watch(ada, ctx -> {
            ctx.lasts = "PT1H";
            ctx.until = 3;
        });
        assertThat(runtime.events().claims(PAGE).items()).singleElement()
                .satisfies(claim -> assertThat(claim.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(1))));

        time.advance(Duration.ofMinutes(59));
        stageDone(ada, "cleaning");
        assertThat(handled(ada)).containsExactlyInAnyOrder("auditStageDone stage_done:cleaning");

        time.advance(Duration.ofMinutes(1));
        assertThat(runtime.events().claims(PAGE).items()).isEmpty();
        stageDone(ada, "linen");
        assertThat(handled(ada)).containsExactlyInAnyOrder("auditStageDone stage_done:cleaning",
                "onStageDone stage_done:linen", "auditStageDone stage_done:linen");
        assertThat(workflows.find(run).context()).as("an unclaimed event still wakes the waiting run")
                .contains("\"seen\":[\"stage_done:cleaning\",\"stage_done:linen\"]");
    }

    @Test
    void aClaimOnANumberOfOccurrencesEndsWithTheLast() {
        long ada = book("Ada");
        watch(ada, ctx -> {
            ctx.occurrences = 2;
            ctx.until = 5;
        });

        stageDone(ada, "cleaning");
        assertThat(runtime.events().claims(PAGE).items()).singleElement()
                .satisfies(claim -> assertThat(claim.remaining()).isEqualTo(1));
        stageDone(ada, "linen");
        assertThat(runtime.events().claims(PAGE).items()).isEmpty();
        stageDone(ada, "keys");

        assertThat(handled(ada)).containsExactlyInAnyOrder("auditStageDone stage_done:cleaning",
                "auditStageDone stage_done:linen", "onStageDone stage_done:keys", "auditStageDone stage_done:keys");
    }

    @Test
    void aClaimOnOneRenderingOfATemplateLeavesTheOthers() {
        long ada = book("Ada");
        watch(ada, ctx -> {
            ctx.event = "stage_done:linen";
            ctx.until = 5;
        });

        stageDone(ada, "cleaning");
        stageDone(ada, "linen");

        assertThat(handled(ada)).containsExactlyInAnyOrder("onStageDone stage_done:cleaning",
                "auditStageDone stage_done:cleaning", "onCleaningDone stage_done:cleaning",
                "auditStageDone stage_done:linen");
    }

    @Test
    void aReleasedClaimLetsTheNextEventsThrough() {
        long ada = book("Ada");
        String run = watch(ada, ctx -> {
            ctx.releaseAfterFirst = true;
            ctx.until = 2;
        });

        stageDone(ada, "cleaning");
        assertThat(runtime.events().claims(PAGE).items()).isEmpty();
        stageDone(ada, "linen");

        assertThat(handled(ada)).containsExactlyInAnyOrder("auditStageDone stage_done:cleaning",
                "onStageDone stage_done:linen", "auditStageDone stage_done:linen");
        assertThat(workflows.find(run).status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aClaimOfAnotherRunKeepsTheEventFromWakingThisOne() {
        long ada = book("Ada");
        String holder = watch(ada, ctx -> ctx.occurrences = 1);
        String other = fromWatchWithoutClaim(ada);

        stageDone(ada, "cleaning");

        assertThat(workflows.find(holder).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(workflows.find(other).status()).as("claimed by the first run").isEqualTo(RunStatus.WAITING);
        stageDone(ada, "linen");
        assertThat(workflows.find(other).status()).as("the claim covered one occurrence")
                .isEqualTo(RunStatus.COMPLETED);
    }

    /** A second watcher whose claim covers a rendering that never occurs: it waits like any run. */
    private String fromWatchWithoutClaim(long booking) {
        return watch(booking, ctx -> ctx.event = "stage_done:never");
    }

    @Test
    void cancellingARunReleasesItsClaims() {
        long ada = book("Ada");
        String run = watch(ada, ctx -> { });
        assertThat(runtime.events().claims(PAGE).items()).extracting(ClaimRecord::holder).containsExactly("workflow:" + run);

        assertThat(workflows.cancel(run)).isTrue();

        assertThat(runtime.events().claims(PAGE).items()).isEmpty();
        stageDone(ada, "cleaning");
        assertThat(handled(ada)).contains("onStageDone stage_done:cleaning");
    }

    @Test
    void aClaimOnAnEventNoEntityDeclaresFailsTheStepWithTheName() {
        long ada = book("Ada");
        StageWatch.Context context = new StageWatch.Context();
        context.bookingId = ada;
        context.event = "stage_dnoe:{stage}";
        String run = workflows.start(StageWatch.class, context);
        time.advance(Duration.ofDays(1));

        assertThat(workflows.find(run).status()).isEqualTo(RunStatus.FAILED);
        assertThat(workflows.find(run).error()).isEqualTo("java.lang.IllegalArgumentException: Claims.hold: no entity"
                + " declares an event 'stage_dnoe:{stage}'; name it with a constant of a generated <Entity>Events"
                + " class, or one of its renderings");
        assertThat(runtime.events().claims(PAGE).items()).isEmpty();
    }

    @Test
    void claimsAreForRunningStepsOnly() {
        assertThatThrownBy(() -> Claims.hold(BookingEvents.STAGE_DONE, 1L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Claims.hold(...) is for a running workflow step, and no step is running on this thread");
        assertThatThrownBy(() -> Claims.hold(BookingEvents.STAGE_DONE, 1L, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a claim covers at least one occurrence, not 0");
        assertThatThrownBy(() -> Claims.hold(BookingEvents.STAGE_DONE, 1L, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a claim lasts a positive duration, not PT0S");
        assertThatThrownBy(() -> Claims.hold(BookingEvents.STAGE_DONE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a claim names the id of the entity whose events it claims, not null");
    }
}
