package dev.aifirst.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aifirst.AiFirst;
import dev.aifirst.Audit;
import dev.aifirst.PageRequest;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestRuntime;
import dev.aifirst.workflows.fixtures.ChainSteps;
import dev.aifirst.workflows.fixtures.Mailing;
import dev.aifirst.workflows.fixtures.MailingBatch;
import dev.aifirst.workflows.fixtures.MailingSteps;
import dev.aifirst.workflows.fixtures.Unsteady;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bulk forms: every failed run a query selects, each audited; the ones that would be refused are left. */
@DatabaseTest
class BulkRetryTest {

    static final PageRequest PAGE = PageRequest.first(1000);
    static final Audit OPS = Audit.by("ops-script", "the mail server is back");

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension(Booking.class).build();

    AiFirst runtime;
    TimeMachine time;
    Workflows workflows;

    @BeforeEach
    void start() {
        runtime = aifirst.runtime();
        time = aifirst.time();
        workflows = runtime.workflows();
        Mailing.reset();
        Unsteady.reset();
    }

    private String mailing() {
        return workflows.start(Mailing.class, new Mailing.Context());
    }

    private long operatorRows(String runId) {
        return workflows.history(runId, PAGE).items().stream().filter(StepExecution::byOperator).count();
    }

    @Test
    void everyFailedRunOfTheQueryIsRetriedAndTheOthersAreLeft() {
        Mailing.SERVER_DOWN.set(true);
        String first = mailing();
        String second = mailing();
        String parent = workflows.start(MailingBatch.class, new MailingBatch.Context()); // its child fails too
        time.runDue();
        time.advance(Duration.ofSeconds(1));
        String orphan = workflows.runs(RunQuery.of(Mailing.class), PAGE).items().stream()
                .filter(run -> parent.equals(run.parentId())).findFirst().orElseThrow().id();
        Unsteady.Context broken = new Unsteady.Context();
        broken.badArgument = true;
        String other = workflows.start(Unsteady.class, broken);
        time.runDue();
        assertThat(workflows.count(RunQuery.of(Mailing.class).status(RunStatus.FAILED))).isEqualTo(3);

        Mailing.SERVER_DOWN.set(false);
        int retried = workflows.retry(RunQuery.of(Mailing.class), OPS);

        assertThat(retried).as("the child of an ended parent is left").isEqualTo(2);
        assertThat(workflows.find(first).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(workflows.find(second).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(workflows.find(orphan).status()).isEqualTo(RunStatus.FAILED);
        assertThat(operatorRows(first)).isEqualTo(1);
        assertThat(operatorRows(orphan)).isZero();
        assertThat(workflows.find(other).status()).as("another workflow's").isEqualTo(RunStatus.FAILED);
        time.runDue();
        assertThat(workflows.find(first).status()).isEqualTo(RunStatus.WAITING);
    }

    @Test
    void theBulkFormsGoThroughMoreRunsThanOnePage() {
        Unsteady.Context broken = new Unsteady.Context();
        broken.badArgument = true; // not retried: fails at once
        for (int i = 0; i < 105; i++) {
            workflows.start(Unsteady.class, broken);
        }
        time.runDue();
        assertThat(workflows.count(RunQuery.of(Unsteady.class).status(RunStatus.FAILED))).isEqualTo(105);

        assertThat(workflows.retry(RunQuery.withStatus(RunStatus.FAILED), OPS)).isEqualTo(105);
        assertThat(workflows.count(RunQuery.of(Unsteady.class).status(RunStatus.RUNNING))).isEqualTo(105);

        time.runDue();
        assertThat(workflows.count(RunQuery.named("unsteady").status(RunStatus.FAILED))).as("and failed again")
                .isEqualTo(105);
    }

    @Test
    void failedRunsAreResumedAtAStepGivenTypedOrByName() {
        Mailing.SERVER_DOWN.set(true);
        String first = mailing();
        String second = mailing();
        time.runDue();
        time.advance(Duration.ofSeconds(1));

        assertThat(workflows.resume(RunQuery.all(), MailingSteps.FILE, OPS)).isEqualTo(2);
        time.runDue();
        assertThat(workflows.find(first).waitingFor()).isEqualTo("stage_done:{stage}");
        assertThat(workflows.history(second, PAGE).items()).filteredOn(StepExecution::byOperator).singleElement()
                .satisfies(row -> assertThat(row.outcome()).isEqualTo("RESUMED at file by ops-script"));
        workflows.cancel(first);
        workflows.cancel(second);

        String third = mailing();
        time.runDue();
        time.advance(Duration.ofSeconds(1));
        assertThat(workflows.resume(RunQuery.named("mailing"), "file", OPS)).isEqualTo(1);
        assertThat(workflows.find(third).step()).isEqualTo("file");
    }

    @Test
    void aQueryThatCannotSelectFailedRunsOfTheStepsWorkflowIsRefused() {
        assertThatThrownBy(() -> workflows.retry(RunQuery.withStatus(RunStatus.COMPLETED), OPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Only FAILED runs are retried; the query selects COMPLETED runs");
        assertThatThrownBy(() -> workflows.resume(RunQuery.all(), "file", OPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Resuming runs at step 'file' needs a query that selects one workflow");
        assertThatThrownBy(() -> workflows.resume(RunQuery.of(Mailing.class), "fil", OPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Workflow 'mailing' has no step 'fil' (its steps: compose, send, file)");
        assertThatThrownBy(() -> workflows.resume(RunQuery.of(Mailing.class), ChainSteps.TWO, OPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ChainSteps.TWO is a step of workflow 'chain', and the query selects the runs of workflow"
                        + " 'mailing'");
        assertThatThrownBy(() -> workflows.resume(RunQuery.named("gone"), "file", OPS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No workflow named 'gone' is deployed here to resume its runs");
    }
}
