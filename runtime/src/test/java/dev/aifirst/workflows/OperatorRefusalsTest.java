package dev.aifirst.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aifirst.AiFirst;
import dev.aifirst.Audit;
import dev.aifirst.OperationRefusedException;
import dev.aifirst.PageRequest;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.scheduling.Executions;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestRuntime;
import dev.aifirst.workflows.fixtures.ChainSteps;
import dev.aifirst.workflows.fixtures.Documents;
import dev.aifirst.workflows.fixtures.Mailing;
import dev.aifirst.workflows.fixtures.MailingBatch;
import dev.aifirst.workflows.fixtures.Unsteady;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What an operator may not do to a run: each refusal names the run and its status, and changes nothing. */
@DatabaseTest
class OperatorRefusalsTest {

    static final PageRequest PAGE = PageRequest.first(100);
    static final Audit ALICE = Audit.by("alice", "let us see");

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

    /** A run of a workflow without @OnFail that failed at once: {@code fail(...)} after its second reminder. */
    private String failedDocuments() {
        String id = workflows.start(Documents.class, new Documents.Context());
        time.runDue();
        time.advance(Duration.ofDays(6));
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.FAILED);
        return id;
    }

    /** Refused, with the run's id and status in the message, and the run as it was. */
    private void refused(String runId, Runnable action, String... why) {
        WorkflowRun before = workflows.find(runId);
        int history = workflows.history(runId, PAGE).items().size();
        assertThatThrownBy(action::run).isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("run " + runId + " of " + before.workflow())
                .hasMessageContaining("(" + before.status() + ")")
                .hasMessageContainingAll(why);
        assertThat(workflows.find(runId)).isEqualTo(before);
        assertThat(workflows.history(runId, PAGE).items()).hasSize(history);
    }

    @Test
    void aCompletedRunIsNeitherRetriedNorResumed() {
        String id = workflows.start(Unsteady.class, new Unsteady.Context());
        time.runDue();

        refused(id, () -> workflows.retry(id, ALICE), "Cannot retry", "it completed");
        refused(id, () -> workflows.resume(id, "work", ALICE), "Cannot resume", "it completed");
    }

    @Test
    void aRunThatIsStillGoingIsRefused() {
        String waiting = workflows.start(Documents.class, new Documents.Context());
        time.runDue();
        Mailing.SERVER_DOWN.set(true);
        String sleeping = workflows.start(Mailing.class, new Mailing.Context());
        time.runDue();
        String running = workflows.start(Unsteady.class, new Unsteady.Context());

        refused(waiting, () -> workflows.retry(waiting, ALICE), "(WAITING): it is still going");
        refused(sleeping, () -> workflows.retry(sleeping, ALICE), "(SLEEPING): it is still going");
        refused(running, () -> workflows.resume(running, "work", ALICE), "(RUNNING): it is still going");
    }

    @Test
    void aCancelledRunStaysCancelled() {
        String id = workflows.start(Documents.class, new Documents.Context());
        time.runDue();
        workflows.cancel(id);

        refused(id, () -> workflows.retry(id, ALICE), "it was cancelled", "start a new run instead");
        refused(id, () -> workflows.resume(id, "ask", ALICE), "it was cancelled");
    }

    @Test
    void aRunWhoseOnFailHasNotRunYetIsRefusedUntilItHas() throws Exception {
        Mailing.SERVER_DOWN.set(true);
        String id = workflows.start(Mailing.class, new Mailing.Context());
        time.runDue();
        time.advance(Duration.ofSeconds(1));
        assertThat(Mailing.ON_FAIL).hasSize(1);
        // As if the scheduler had not reached the hook yet (a backlog, a node that died): pending, due.
        try (Connection c = aifirst.dataSource().getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE aif_workflow_run SET on_fail = 'PENDING' WHERE id = ?")) {
            update.setString(1, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        Database database = new Database(aifirst.dataSource());
        database.inTransaction(c -> Executions.of(database).add(c, "aif-workflow-on-fail", id, time.now()));

        refused(id, () -> workflows.retry(id, ALICE), "its @OnFail has not run yet for this failure",
                "retry it once it has");

        time.runDue();
        assertThat(Mailing.ON_FAIL).as("the hook ran").hasSize(2);
        assertThat(workflows.retry(id, ALICE).status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void aStepTheWorkflowDoesNotHaveIsRefusedWithTheStepsItHas() {
        String id = failedDocuments();
        WorkflowRun before = workflows.find(id);

        assertThatThrownBy(() -> workflows.resume(id, "chek", ALICE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot resume run " + id + " of documents v1 at remind (FAILED): workflow 'documents' has"
                        + " no step 'chek' (its steps: ask, remind, check)");
        assertThatThrownBy(() -> workflows.resume(id, ChainSteps.TWO, ALICE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ChainSteps.TWO is a step of workflow 'chain', and run " + id + " is a run of workflow"
                        + " 'documents'");
        assertThat(workflows.find(id)).isEqualTo(before);
    }

    @Test
    void anUnknownRunIsNamed() {
        assertThatThrownBy(() -> workflows.retry("no-such-run", ALICE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is no workflow run 'no-such-run' to retry");
        assertThatThrownBy(() -> workflows.resume("no-such-run", "ask", ALICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is no workflow run 'no-such-run' to resume");
    }

    @Test
    void aChildWhoseParentHasEndedIsRefused() {
        Mailing.SERVER_DOWN.set(true);
        String parent = workflows.start(MailingBatch.class, new MailingBatch.Context());
        time.runDue();
        time.advance(Duration.ofSeconds(1));
        assertThat(workflows.find(parent).status()).isEqualTo(RunStatus.COMPLETED);
        String child = workflows.runs(RunQuery.of(Mailing.class), PAGE).items().get(0).id();

        refused(child, () -> workflows.retry(child, ALICE), "whose parent, run " + parent,
                "(COMPLETED), has ended", "retry or resume the parent at the step that runs this subflow");
    }

    @Test
    void aChildWhoseParentIsGoneIsRefused() throws Exception {
        Mailing.SERVER_DOWN.set(true);
        String parent = workflows.start(MailingBatch.class, new MailingBatch.Context());
        time.runDue();
        time.advance(Duration.ofSeconds(1));
        String child = workflows.runs(RunQuery.of(Mailing.class), PAGE).items().get(0).id();
        try (Connection c = aifirst.dataSource().getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM aif_workflow_run WHERE id = ?")) {
            delete.setString(1, parent);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }

        refused(child, () -> workflows.resume(child, "send", ALICE), "whose parent, run " + parent + ", no longer exists");
    }

    @Test
    void aRunWhoseStoredContextCannotBeReadIsRefusedForItWouldFailAgain() throws Exception {
        String id = workflows.start(Unsteady.class, new Unsteady.Context());
        try (Connection c = aifirst.dataSource().getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE aif_workflow_run SET context = ? WHERE id = ?")) {
            update.setString(1, "{\"failForGood\": \"perhaps\"}");
            update.setString(2, id);
            update.executeUpdate();
        }
        time.runDue();

        refused(id, () -> workflows.retry(id, ALICE), "its stored context cannot be read as a "
                + Unsteady.Context.class.getName(), "would fail again at once");
    }

    @Test
    void theAuditNamesWhoActs() {
        assertThatThrownBy(() -> Audit.by(" ", "why")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the operator is blank");
        assertThatThrownBy(() -> Audit.by("x".repeat(256), "why")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 255 characters, not 256");
        assertThat(List.of(Audit.by("alice", ""), Audit.by("alice", "fixed it"))).extracting(Audit::toString)
                .containsExactly("alice", "alice: fixed it");
    }
}
