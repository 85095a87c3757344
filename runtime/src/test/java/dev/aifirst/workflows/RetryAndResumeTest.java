package dev.aifirst.workflows;

import static dev.aifirst.testsupport.TestHibernate.fromTransaction;
import static dev.aifirst.testsupport.TestHibernate.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.AiFirst;
import dev.aifirst.Audit;
import dev.aifirst.PageRequest;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestRuntime;
import dev.aifirst.workflows.fixtures.Mailing;
import dev.aifirst.workflows.fixtures.MailingBatch;
import dev.aifirst.workflows.fixtures.MailingSteps;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An operator retries and resumes failed runs; each action is a row of the run's history. */
@DatabaseTest
class RetryAndResumeTest {

    static final PageRequest PAGE = PageRequest.first(100);

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension(Booking.class).build();

    AiFirst runtime;
    TimeMachine time;
    EntityManagerFactory emf;
    Workflows workflows;

    @BeforeEach
    void start() {
        runtime = aifirst.runtime();
        time = aifirst.time();
        emf = aifirst.entityManagerFactory();
        workflows = runtime.workflows();
        Mailing.reset();
    }

    private long book() {
        long id = fromTransaction(emf, em -> {
            Booking booking = new Booking("Ada", null);
            em.persist(booking);
            return booking.getId();
        });
        time.runDue();
        return id;
    }

    private void stageDone(long booking) {
        inTransaction(emf, em -> {
            Booking b = em.find(Booking.class, booking);
            b.setStage("cleaning");
            b.setStageDone(true);
        });
        time.runDue();
    }

    /** A mailing run that failed at {@code send}, its @OnFail called; the mail server is still down. */
    private String failedAtSend(long booking) {
        Mailing.SERVER_DOWN.set(true);
        Mailing.Context context = new Mailing.Context();
        context.bookingId = booking;
        String id = workflows.start(Mailing.class, context);
        time.runDue();
        time.advance(Duration.ofSeconds(1));
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.FAILED);
        return id;
    }

    private List<String> history(String runId) {
        return workflows.history(runId, PAGE).items().stream()
                .map(s -> s.step() + "#" + s.attempt() + " " + s.outcome()).toList();
    }

    @Test
    void aRetriedRunRunsItsFailedStepAgainFromAttemptOneWithItsHistoryKept() {
        long booking = book();
        String id = failedAtSend(booking);
        assertThat(Mailing.ON_FAIL).containsExactly("send: the mail server refuses the login");
        Mailing.SERVER_DOWN.set(false);
        time.advance(Duration.ofHours(1));
        Instant retriedAt = time.now();

        WorkflowRun run = workflows.retry(id, Audit.by("alice", "fixed the SMTP key"));

        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.step()).isEqualTo("send");
        assertThat(run.attempt()).isEqualTo(1);
        assertThat(run.error()).as("no longer failed").isNull();
        time.runDue();

        assertThat(Mailing.DONE).as("compose is not run again; the context it committed is kept").containsExactly(
                "compose invoice 1 for booking " + booking,
                "send invoice 1 for booking " + booking + " (attempt 1)");
        assertThat(workflows.find(id).status()).as("now at file, waiting for the stage").isEqualTo(RunStatus.WAITING);
        assertThat(history(id)).containsExactly(
                "compose#1 goTo(send)",
                "send#1 FAILED",
                "send#2 FAILED",
                "send#2 RETRIED by alice",
                "send#1 goTo(file)");
        StepExecution audit = workflows.history(id, PAGE).items().get(3);
        assertThat(audit.byOperator()).isTrue();
        assertThat(audit.audit()).isEqualTo(Audit.by("alice", "fixed the SMTP key"));
        assertThat(audit.startedAt()).isEqualTo(retriedAt);
        assertThat(audit.endedAt()).isEqualTo(retriedAt);
        assertThat(audit.display()).isEqualTo("Send the invoice");
        assertThat(workflows.history(id, PAGE).items()).filteredOn(s -> !s.byOperator())
                .allSatisfy(s -> assertThat(s.audit()).isNull());

        stageDone(booking);
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void theShortFormsOfRetryAndResumeRecordTheUserTheProcessRunsAs() {
        String retried = failedAtSend(book());
        Mailing.SERVER_DOWN.set(false);
        workflows.retry(retried);
        String resumed = failedAtSend(book());
        Mailing.SERVER_DOWN.set(false);
        workflows.resume(resumed, MailingSteps.SEND);

        Audit expected = Audit.ofThisProcess();
        assertThat(expected.operator()).isEqualTo(System.getProperty("user.name"));
        for (String id : List.of(retried, resumed)) {
            assertThat(workflows.history(id, PAGE).items()).filteredOn(StepExecution::byOperator)
                    .singleElement().satisfies(row -> assertThat(row.audit()).isEqualTo(expected));
        }
    }

    @Test
    void aRetriedRunThatFailsAgainCallsItsOnFailAgainForThatFailure() {
        String id = failedAtSend(book());
        workflows.retry(id, Audit.by("alice", "one more try"));
        time.runDue();
        time.advance(Duration.ofSeconds(1));

        WorkflowRun run = workflows.find(id);
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.attempt()).as("two attempts more, under the step's policy").isEqualTo(2);
        assertThat(run.error()).contains("the mail server refuses the login");
        assertThat(Mailing.ON_FAIL).hasSize(2);
        assertThat(history(id)).endsWith("send#2 RETRIED by alice", "send#1 FAILED", "send#2 FAILED");
    }

    @Test
    void aRetriedStepThatWaitedForAnEventRunsWithThatEventInsteadOfWaitingAgain() {
        long booking = book();
        Mailing.ARCHIVE_DOWN.set(true);
        Mailing.Context context = new Mailing.Context();
        context.bookingId = booking;
        String id = workflows.start(Mailing.class, context);
        time.runDue();
        stageDone(booking);
        time.advance(Duration.ofSeconds(1));
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.FAILED);
        assertThat(workflows.find(id).step()).isEqualTo("file");

        Mailing.ARCHIVE_DOWN.set(false);
        workflows.retry(id, Audit.by("bob", "archive writable again"));
        time.runDue();

        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(Mailing.DONE).last().isEqualTo("file invoice 1 for booking " + booking + " after stage_done:cleaning");
    }

    @Test
    void aResumedRunContinuesAtTheStepGivenAfresh() {
        long booking = book();
        String id = failedAtSend(booking);
        Mailing.SERVER_DOWN.set(false);

        workflows.resume(id, MailingSteps.FILE, Audit.by("bob", "the invoice went out by hand"));

        time.runDue();
        assertThat(workflows.find(id).status()).as("file waits for its event").isEqualTo(RunStatus.WAITING);
        assertThat(workflows.find(id).waitingFor()).isEqualTo("stage_done:{stage}");
        assertThat(history(id)).containsExactly(
                "compose#1 goTo(send)",
                "send#1 FAILED",
                "send#2 FAILED",
                "send#2 RESUMED at file by bob");
        assertThat(Mailing.DONE).as("send is skipped").containsExactly("compose invoice 1 for booking " + booking);

        stageDone(booking);
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aRunCanBeResumedAtAStepNamedAsStoredAndAnEarlierStepRunsAgain() {
        long booking = book();
        String id = failedAtSend(booking);
        Mailing.SERVER_DOWN.set(false);

        WorkflowRun run = workflows.resume(id, "compose", Audit.by("carol", "a new invoice number"));
        assertThat(run.step()).isEqualTo("compose");
        assertThat(run.attempt()).isEqualTo(1);
        time.runDue();

        assertThat(Mailing.DONE).containsExactly(
                "compose invoice 1 for booking " + booking,
                "compose invoice 2 for booking " + booking,
                "send invoice 2 for booking " + booking + " (attempt 1)");
        assertThat(workflows.history(id, PAGE).items()).filteredOn(StepExecution::byOperator).singleElement()
                .satisfies(row -> {
                    assertThat(row.outcome()).isEqualTo("RESUMED at compose by carol");
                    assertThat(row.audit().reason()).isEqualTo("a new invoice number");
                    assertThat(row.display()).isEqualTo("Compose the invoice");
                });
    }

    @Test
    void aRetriedRunHoldsNoClaimsUntilAStepTakesThemAgain() {
        long booking = book();
        String id = failedAtSend(booking);
        assertThat(runtime.events().claims(PAGE).items()).as("the claim ended with the failure").isEmpty();

        workflows.retry(id, Audit.by("alice", "retry"));
        time.runDue();
        assertThat(runtime.events().claims(PAGE).items()).as("send takes no claim").isEmpty();

        time.advance(Duration.ofSeconds(1));
        workflows.resume(id, MailingSteps.COMPOSE, Audit.by("alice", "compose again"));
        time.runDue();
        assertThat(runtime.events().claims(PAGE).items()).as("compose takes it again").singleElement()
                .satisfies(claim -> assertThat(claim.holder()).isEqualTo("workflow:" + id));
    }

    @Test
    void aChildWhoseParentGoesOnCanBeRetriedOnItsOwn() {
        long booking = book();
        Mailing.SERVER_DOWN.set(true);
        MailingBatch.Context context = new MailingBatch.Context();
        context.bookingId = booking;
        context.pauseAfterReport = true;
        String parent = workflows.start(MailingBatch.class, context);
        time.runDue();
        time.advance(Duration.ofSeconds(1));
        WorkflowRun child = workflows.runs(RunQuery.of(Mailing.class), PAGE).items().get(0);
        assertThat(child.status()).isEqualTo(RunStatus.FAILED);
        assertThat(workflows.find(parent).status()).as("the parent reported the failure and pauses")
                .isEqualTo(RunStatus.SLEEPING);

        Mailing.SERVER_DOWN.set(false);
        workflows.retry(child.id(), Audit.by("alice", "send it after all"));
        time.runDue();
        stageDone(booking);

        assertThat(workflows.find(child.id()).status()).isEqualTo(RunStatus.COMPLETED);
        time.advance(Duration.ofDays(1));
        assertThat(workflows.find(parent).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(workflows.find(parent).result()).as("the parent had its child's first outcome").isEqualTo("\"FAILED\"");
    }
}
