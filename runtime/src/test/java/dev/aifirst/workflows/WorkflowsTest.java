package dev.aifirst.workflows;

import static dev.aifirst.testsupport.TestHibernate.fromTransaction;
import static dev.aifirst.testsupport.TestHibernate.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aifirst.AiFirst;
import dev.aifirst.PageRequest;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.events.fixtures.BookingHandlers;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.ScriptedChatModel;
import dev.aifirst.testsupport.TestRuntime;
import dev.aifirst.workflows.fixtures.Chain;
import dev.aifirst.workflows.fixtures.Documents;
import dev.aifirst.workflows.fixtures.DoorCode;
import dev.aifirst.workflows.fixtures.Doubler;
import dev.aifirst.workflows.fixtures.DoublerGrandparent;
import dev.aifirst.workflows.fixtures.Flaky;
import dev.aifirst.workflows.fixtures.Housekeeping;
import dev.aifirst.workflows.fixtures.StayPlan;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Durable workflows end to end on a controllable clock, on H2 and PostgreSQL. */
@DatabaseTest
class WorkflowsTest {

    /** Enough for every list a test reads. */
    static final PageRequest PAGE = PageRequest.first(100);

    static final Instant T0 = TestRuntime.T0;
    static final ScriptedChatModel model = new ScriptedChatModel();

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension(Booking.class)
            .configure(runtime -> runtime.chatModel(model))
            .build();

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
        model.reset();
        BookingHandlers.reset();
        BookingHandlers.clock = time.clock();
        DoorCode.reset();
        Flaky.reset();
    }

    private List<String> outcomes(String runId) {
        return workflows.history(runId, PAGE).items()
                .stream().map(s -> s.step() + "#" + s.attempt() + " " + s.outcome()).toList();
    }

    private Documents.Context documents(long guestId) {
        Documents.Context context = new Documents.Context();
        context.guestId = guestId;
        return context;
    }

    @Test
    void aRunGoesThroughItsStepsInOneWorkerAndRecordsEachOne() {
        Chain.Context context = new Chain.Context();
        context.label = "first";
        String id = workflows.start(Chain.class, context);
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.RUNNING);

        time.runDue();

        WorkflowRun run = workflows.find(id);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.context()).contains("\"steps\":5");
        assertThat(outcomes(id)).containsExactly("one#1 goTo(two)", "two#1 goTo(three)", "three#1 goTo(four)",
                "four#1 goTo(five)", "five#1 complete()");
        assertThat(workflows.runs(RunQuery.of(Chain.class), PAGE).items()).extracting(WorkflowRun::id).containsExactly(id);
    }

    @Test
    void failingStepsBackOffExponentiallyAndRetryCountersArePerStep() {
        Flaky.FAILURES_TO_GO.set(2);
        String id = workflows.start(Flaky.class, new Flaky.Context());
        time.runDue();
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.SLEEPING);
        assertThat(workflows.find(id).wakeAt()).isEqualTo(T0.plusSeconds(10));

        time.advance(Duration.ofSeconds(10));
        assertThat(workflows.find(id).wakeAt()).as("backoff x3").isEqualTo(T0.plusSeconds(10 + 30));
        time.advance(Duration.ofSeconds(30));
        assertThat(workflows.find(id).step()).isEqualTo("rest");
        assertThat(workflows.find(id).progress()).isEqualTo(0.5);

        time.advance(Duration.ofHours(1));
        WorkflowRun run = workflows.find(id);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.result()).isEqualTo("\"answer #1\"");
        assertThat(model.prompts()).as("the model's answer is remembered across retries")
                .containsExactly("Which floor is room 12 on?");
        assertThat(outcomes(id)).containsExactly("ask#1 FAILED", "ask#2 FAILED", "ask#3 goTo(rest, 0.5)",
                "rest#1 sleep(PT1H)", "rest#1 complete(answer #1)");
        assertThat(workflows.history(id, PAGE).items().get(0).error())
                .isEqualTo("java.lang.IllegalStateException: downstream unavailable");
        assertThat(workflows.history(id, PAGE).items().get(3).display()).isEqualTo("Resting");
    }

    @Test
    void aParentReadsItsChildsContextThroughThreeLevels() {
        DoublerGrandparent.Context context = new DoublerGrandparent.Context();
        context.value = 42;
        String id = workflows.start(DoublerGrandparent.class, context);
        time.runDue();

        WorkflowRun grandparent = workflows.find(id);
        assertThat(grandparent.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(grandparent.context()).contains("\"value\":84");
        assertThat(workflows.runs(RunQuery.of(Doubler.class), PAGE).items()).singleElement()
                .satisfies(child -> assertThat(child.context()).contains("\"value\":84"));
    }

    @Test
    void aSignalWhoseFieldDoesNotFitTheContextIsRefusedAndTheRunKeepsWaiting() {
        String id = workflows.start(Documents.class, documents(7));
        time.runDue();

        assertThatThrownBy(() -> workflows.signal(id, "documents_uploaded", Map.of("reminders", "three")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'reminders' of Context is a int")
                .hasMessageContaining("the run keeps waiting");
        assertThatThrownBy(() -> workflows.signal("documents_uploaded", Map.of("reminders", "three")))
                .as("a broadcast too").isInstanceOf(IllegalArgumentException.class);
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.WAITING);

        assertThat(workflows.signal(id, "documents_uploaded", Map.of("passport", "P1", "reminders", 0))).isTrue();
        time.runDue();
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(workflows.find(id).result()).isEqualTo("\"passport P1\"");
    }

    @Test
    void theLastAttemptsFailureRunsOnFailAndKeepsTheError() {
        Flaky.FAILURES_TO_GO.set(10);
        String id = workflows.start(Flaky.class, new Flaky.Context());
        time.advance(Duration.ofMinutes(5));
        WorkflowRun run = workflows.find(id);
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).isEqualTo("java.lang.IllegalStateException: downstream unavailable");
        assertThat(Flaky.FAILURES).containsExactly("ask attempt 3: downstream unavailable");
        assertThat(workflows.runs(RunQuery.withStatus(RunStatus.FAILED), PAGE).items())
                .extracting(WorkflowRun::id).containsExactly(id);
    }

    @Test
    void aSignalWakesTheWaitingRunAndMergesItsPayloadIntoTheContext() {
        String id = workflows.start(Documents.class, documents(7));
        time.runDue();
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.WAITING);
        assertThat(workflows.find(id).waitingFor()).isEqualTo("documents_uploaded");

        assertThat(workflows.signal("documents_uploaded", Map.of("passport", "X123", "unknown", 1))).isEqualTo(1);
        time.runDue();

        WorkflowRun run = workflows.find(id);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.result()).isEqualTo("\"passport X123\"");
        assertThat(run.context()).contains("\"passport\":\"X123\"").doesNotContain("unknown");
    }

    @Test
    void aWaitThatTimesOutGoesToItsTimeoutStep() {
        String id = workflows.start(Documents.class, documents(7));
        time.runDue();
        time.advance(Duration.ofDays(2));
        WorkflowRun run = workflows.find(id);
        assertThat(run.status()).isEqualTo(RunStatus.WAITING);
        assertThat(run.context()).contains("\"reminders\":1");

        time.advance(Duration.ofDays(4));
        run = workflows.find(id);
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).isEqualTo("fail: no documents after 2 reminders");
        assertThat(outcomes(id)).startsWith("ask#1 waitForSignal(documents_uploaded, PT48H, remind)",
                "ask#1 TIMED_OUT waiting for signal documents_uploaded", "remind#1 goTo(ask)");
    }

    @Test
    void signalsWakeOnlyTheRunsTheyAreFor() {
        String first = workflows.start(Documents.class, documents(1));
        String second = workflows.start(Documents.class, documents(2));
        time.runDue();

        assertThat(workflows.signal("passport_scanned", Map.of())).as("nobody waits for it").isZero();
        assertThat(workflows.signal(first, "documents_uploaded", Map.of("passport", "A1"))).isTrue();
        time.runDue();

        assertThat(workflows.find(first).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(workflows.find(second).status()).isEqualTo(RunStatus.WAITING);
        assertThat(workflows.signal(first, "documents_uploaded", Map.of())).as("no longer waiting").isFalse();
    }

    @Test
    void aParentResumesWithItsChildsResult() {
        StayPlan.Context context = new StayPlan.Context();
        context.guestId = 3;
        String parent = workflows.start(StayPlan.class, context);
        time.runDue();
        assertThat(workflows.find(parent).status()).isEqualTo(RunStatus.WAITING);
        String child = workflows.runs(RunQuery.of(Documents.class), PAGE).items().get(0).id();
        assertThat(workflows.find(child).parentId()).isEqualTo(parent);

        workflows.signal(child, "documents_uploaded", Map.of("passport", "P9"));
        time.runDue();

        assertThat(workflows.find(parent).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(workflows.find(parent).context()).contains("\"childStatus\":\"COMPLETED\"")
                .contains("\"childOutcome\":\"passport P9\"");
    }

    @Test
    void aParentResumesWhenItsChildFails() {
        StayPlan.Context context = new StayPlan.Context();
        String parent = workflows.start(StayPlan.class, context);
        time.advance(Duration.ofDays(7));
        assertThat(workflows.find(parent).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(workflows.find(parent).context()).contains("\"childStatus\":\"FAILED\"")
                .contains("\"childOutcome\":\"no documents after 2 reminders\"");
    }

    @Test
    void cancellingAChildResumesItsParent() {
        String parent = workflows.start(StayPlan.class, new StayPlan.Context());
        time.runDue();
        String child = workflows.runs(RunQuery.of(Documents.class), PAGE).items().get(0).id();

        assertThat(workflows.cancel(child)).isTrue();
        time.runDue();

        assertThat(workflows.find(child).status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(workflows.find(parent).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(workflows.find(parent).context()).contains("\"childStatus\":\"CANCELLED\"");
        assertThat(workflows.cancel(child)).as("already ended").isFalse();
        assertThat(workflows.signal(child, "documents_uploaded", Map.of())).isFalse();
    }

    long book(String guest, Instant checkin, boolean confirmed) {
        return fromTransaction(emf, em -> {
            Booking booking = new Booking(guest, checkin);
            if (confirmed) {
                booking.setStatus(Booking.Status.CONFIRMED);
            }
            em.persist(booking);
            return booking.getId();
        });
    }

    private static void stageDone(Booking booking, String stage) {
        booking.setStage(stage);
        booking.setStageDone(true);
    }

    @Test
    void anEventStartedWorkflowRunsBeforeTheDateRetriesAndWaitsForItsOwnEntitysEvent() {
        DoorCode.LOCK_FAILURES_TO_GO.set(2);
        Instant checkin = T0.plus(Duration.ofDays(3));
        long ada = book("Ada", checkin, true);
        long bob = book("Bob", checkin.plus(Duration.ofDays(1)), true);

        time.advanceTo(checkin.minus(Duration.ofHours(1)));
        List<WorkflowRun> runs = workflows.runs(RunQuery.all().entity(Booking.class, ada), PAGE).items();
        assertThat(runs).extracting(WorkflowRun::workflow).containsExactlyInAnyOrder("door_code", "housekeeping");
        String adaRun = runs.stream().filter(r -> r.workflow().equals("door_code")).findFirst().orElseThrow().id();
        assertThat(workflows.history(adaRun, PAGE).items().get(0).startedAt()).isEqualTo(checkin.minus(Duration.ofHours(1)));

        time.advance(Duration.ofSeconds(3)); // the lock service fails twice: retries after 1 s and 2 s
        assertThat(workflows.find(adaRun).status()).isEqualTo(RunStatus.WAITING);
        assertThat(outcomes(adaRun)).containsExactly("generateCode#1 goTo(sendToLock, 0.3)", "sendToLock#1 FAILED",
                "sendToLock#2 FAILED", "sendToLock#3 goTo(greet, 0.6)");

        inTransaction(emf, em -> stageDone(em.find(Booking.class, bob), "keys"));
        time.runDue();
        assertThat(workflows.find(adaRun).status()).as("Bob's event is not Ada's").isEqualTo(RunStatus.WAITING);

        inTransaction(emf, em -> stageDone(em.find(Booking.class, ada), "keys"));
        time.runDue();
        WorkflowRun run = workflows.find(adaRun);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(DoorCode.CALLS).contains("greet #" + ada + " Ada (welcomed) on stage_done:keys");
        assertThat(workflows.runs(RunQuery.of(Housekeeping.class), PAGE).items()).singleElement()
                .satisfies(r -> assertThat(r.result()).isEqualTo("\"room ready for Ada (welcomed)\""));
        assertThat(workflows.runs(RunQuery.all().entity(Booking.class, bob), PAGE).items()).as("Bob checks in a day later")
                .noneMatch(r -> r.workflow().equals("door_code"));
    }

    @Test
    void aMovedEventMovesTheRunAndACancelledOneNeverStartsIt() {
        Instant checkin = T0.plus(Duration.ofDays(3));
        long moved = book("Ada", checkin, true);
        long cancelled = book("Bob", checkin, true);
        Instant later = checkin.plus(Duration.ofDays(1));
        inTransaction(emf, em -> em.find(Booking.class, moved).setCheckinAt(later));
        inTransaction(emf, em -> em.find(Booking.class, cancelled).setStatus(Booking.Status.CANCELLED));

        time.advanceTo(checkin);
        assertThat(workflows.runs(RunQuery.all().entity(Booking.class, moved), PAGE).items()).isEmpty();
        assertThat(workflows.runs(RunQuery.all().entity(Booking.class, cancelled), PAGE).items()).isEmpty();

        time.advanceTo(later);
        assertThat(workflows.runs(RunQuery.all().entity(Booking.class, moved), PAGE).items()).hasSize(2);
        assertThat(workflows.history(workflows.runs(RunQuery.all().entity(Booking.class, moved), PAGE).items().get(0).id(),
                PAGE).items().get(0).startedAt())
                .isEqualTo(later.minus(Duration.ofHours(1)));
        assertThat(workflows.runs(RunQuery.all().entity(Booking.class, cancelled), PAGE).items()).isEmpty();
    }

    @Test
    void aWaitForAnEventTimesOutToItsTimeoutStep() {
        Instant checkin = T0.plus(Duration.ofDays(1));
        long ada = book("Ada", checkin, true);
        time.advanceTo(checkin.plus(Duration.ofHours(2)));
        WorkflowRun run = workflows.runs(RunQuery.all().entity(Booking.class, ada), PAGE).items().stream()
                .filter(r -> r.workflow().equals("door_code")).findFirst().orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(DoorCode.CALLS).contains("remind #" + ada);
        assertThat(outcomes(run.id())).contains("greet#1 TIMED_OUT waiting for event stage_done:{stage}");
    }

    @Test
    void aRunOfAnOlderVersionGoesOnIfItsStepStillExistsAndFailsClearlyIfNot() throws Exception {
        String kept = workflows.start(Chain.class, new Chain.Context());
        String lost = workflows.start(Chain.class, new Chain.Context());
        try (Connection c = aifirst.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE aif_workflow_run SET version = 0, step = 'three' WHERE id = '" + kept + "'");
            s.executeUpdate("UPDATE aif_workflow_run SET version = 0, step = 'shuffle' WHERE id = '" + lost + "'");
        }
        time.runDue();
        assertThat(workflows.find(kept).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(workflows.find(kept).version()).isZero();
        assertThat(outcomes(kept)).first().isEqualTo("three#1 goTo(four)");
        WorkflowRun failed = workflows.find(lost);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error())
                .isEqualTo("step 'shuffle' of workflow 'chain' version 0 no longer exists in the deployed version 1");
    }

    @Test
    void aCancelledRunStaysCancelled() {
        String id = workflows.start(Documents.class, documents(5));
        time.runDue();
        assertThat(workflows.cancel(id)).isTrue();
        assertThat(workflows.signal("documents_uploaded", Map.of())).isZero();
        time.advance(Duration.ofDays(10));
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(outcomes(id)).last().isEqualTo("ask#1 CANCELLED");
    }

    @Test
    void debouncedEventsOfOneEntityStartOneRun() {
        long ada = book("Ada", null, false);
        inTransaction(emf, em -> stageDone(em.find(Booking.class, ada), "cleaning"));
        time.advance(Duration.ofMinutes(2));
        inTransaction(emf, em -> em.find(Booking.class, ada).setStage("linen"));
        time.advance(Duration.ofMinutes(10));

        List<WorkflowRun> digests = workflows.runs(RunQuery.of(dev.aifirst.workflows.fixtures.StageDigest.class), PAGE).items();
        assertThat(digests).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.result()).isEqualTo("\"stage_done:cleaning .. linen\"");
            assertThat(run.createdAt()).isEqualTo(T0);
        });

        inTransaction(emf, em -> em.find(Booking.class, ada).setStage("keys"));
        time.advance(Duration.ofMinutes(10));
        assertThat(workflows.runs(RunQuery.of(dev.aifirst.workflows.fixtures.StageDigest.class), PAGE).items()).hasSize(2);
    }
}
