package dev.aifirst.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.AiFirst;
import dev.aifirst.Backlog;
import dev.aifirst.PageRequest;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.scheduling.Executions;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestRuntime;
import dev.aifirst.workflows.fixtures.Unsteady;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A database that goes away costs no step attempt; @OnFail runs once, after the failure is committed. */
@DatabaseTest
class FailureHandlingTest {

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
        Unsteady.reset();
    }

    private List<String> history(String runId) {
        return workflows.history(runId, PageRequest.first(100)).items().stream()
                .map(s -> s.step() + "#" + s.attempt() + " " + s.outcome()).toList();
    }

    @Test
    void aStepThatMeetsADatabaseThatIsAwayIsTriedAgainWithoutSpendingAnAttempt() {
        Unsteady.TRANSIENT_TO_GO.set(2);
        String id = workflows.start(Unsteady.class, new Unsteady.Context());
        time.runDue();

        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(Unsteady.CALLS).as("two calls met the lost connection, the third went through").hasValue(3);
        assertThat(history(id)).as("no attempt was recorded as failed").containsExactly("work#1 complete()");
    }

    @Test
    void onFailRunsOnceAfterTheFailureIsCommittedEvenIfItsExecutionComesTwice() throws Exception {
        Unsteady.Context context = new Unsteady.Context();
        context.failForGood = true;
        String id = workflows.start(Unsteady.class, context);
        Unsteady.committedStatus = () -> String.valueOf(workflows.find(id).status());

        time.runDue();
        time.advance(Duration.ofSeconds(1));

        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.FAILED);
        assertThat(Unsteady.ON_FAIL).containsExactly("the lock refuses the code (attempt 2), the run FAILED");

        // The hook's execution again, as after a takeover: the hook was called already, so not again.
        Database database = new Database(aifirst.dataSource());
        database.inTransaction(c -> Executions.of(database).add(c, "aif-workflow-on-fail", id, time.now()));
        time.runDue();
        assertThat(Unsteady.ON_FAIL).hasSize(1);
    }

    @Test
    void aFailureItsRetryPolicyDoesNotRetryFailsTheRunAtOnce() {
        Unsteady.Context context = new Unsteady.Context();
        context.badArgument = true;
        String id = workflows.start(Unsteady.class, context);
        time.runDue();

        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.FAILED);
        assertThat(history(id)).containsExactly("work#1 FAILED");
        assertThat(Unsteady.ON_FAIL).containsExactly("room number -1 (attempt 1), the run unknown");
    }

    @Test
    void aStepThatGoesToAnotherWorkflowsStepFailsTheRunAtOnce() {
        Unsteady.Context context = new Unsteady.Context();
        context.wanderOff = true;
        String id = workflows.start(Unsteady.class, context);
        time.runDue();

        WorkflowRun run = workflows.find(id);
        assertThat(run.status()).as("a programming error is not retried").isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("goTo(two) names a step of another workflow");
        assertThat(history(id)).containsExactly("work#1 FAILED");
    }

    @Test
    void aRunWhoseStoredContextCannotBeReadFailsAtOnceWithWhyAndItsOnFailRuns() throws Exception {
        String id = workflows.start(Unsteady.class, new Unsteady.Context());
        Unsteady.committedStatus = () -> String.valueOf(workflows.find(id).status());
        corrupt(id, "context", "{\"failForGood\": \"perhaps\"}"); // a field whose type no longer fits

        time.runDue();

        WorkflowRun run = workflows.find(id);
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).startsWith("the stored context cannot be read as a "
                + Unsteady.Context.class.getName());
        assertThat(Unsteady.CALLS).as("the step never ran").hasValue(0);
        assertThat(Unsteady.ON_FAIL).singleElement().asString().startsWith("the stored context cannot be read")
                .endsWith("the run FAILED");
        assertThat(runtime.backlog().failing()).as("nothing left to retry").isEmpty();
    }

    @Test
    void anExecutionThatFailsIsRescheduledWithAGrowingBackoffAndShownInTheBacklog() throws Exception {
        String id = workflows.start(Unsteady.class, new Unsteady.Context());
        corrupt(id, "status", "BROKEN"); // a hand edit gone wrong: the run cannot even be read
        assertThat(runtime.backlog().due()).as("the run's first execution").isEqualTo(1);

        time.runDue();
        Backlog.FailingExecution first = runtime.backlog().failing().get(0);
        assertThat(first.task()).isEqualTo("aif-workflow");
        assertThat(first.instance()).isEqualTo(id + "#1");
        assertThat(first.consecutiveFailures()).isEqualTo(1);
        assertThat(first.nextAttempt()).isEqualTo(time.now().plusSeconds(1));

        time.advance(Duration.ofSeconds(1));
        Backlog.FailingExecution second = runtime.backlog().failing().get(0);
        assertThat(second.consecutiveFailures()).isEqualTo(2);
        assertThat(second.nextAttempt()).as("the backoff doubles").isEqualTo(time.now().plusSeconds(2));
        assertThat(Unsteady.CALLS).as("the step never ran").hasValue(0);
    }

    private void corrupt(String runId, String column, String value) throws Exception {
        try (Connection c = aifirst.dataSource().getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE aif_workflow_run SET " + column + " = ? WHERE id = ?")) {
            update.setString(1, value);
            update.setString(2, runId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
