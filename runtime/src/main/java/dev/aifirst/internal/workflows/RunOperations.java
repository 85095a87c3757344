package dev.aifirst.internal.workflows;

import dev.aifirst.Audit;
import dev.aifirst.OperationRefusedException;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.persistence.Pages;
import dev.aifirst.spi.WorkflowDefinition;
import dev.aifirst.workflows.RunStatus;
import dev.aifirst.workflows.WorkflowStep;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operator's retries and resumptions of failed runs. Each is one transaction that locks the run,
 * refuses what cannot be done (naming the run, its status and why), and commits the operator's
 * {@link Transition} with the history row that records who asked and why. The bulk forms act on the
 * failed runs of a selection a run at a time, leaving the ones that would be refused.
 */
final class RunOperations {

    /** Runs read per page by the bulk forms. */
    static final int BATCH = 100;

    private static final Logger LOG = LoggerFactory.getLogger(RunOperations.class);

    private final Database database;
    private final WorkflowRegistry registry;
    private final RunStore store;
    private final RunTransitions transitions;
    private final Clock clock;

    RunOperations(Database database, WorkflowRegistry registry, RunStore store, RunTransitions transitions, Clock clock) {
        this.database = database;
        this.registry = registry;
        this.store = store;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** The failed runs a bulk action goes through: the criteria as stored, as {@link RunStore#page} takes them. */
    record Selection(String workflow, String entityType, String entityId) {
    }

    /** Retries the run's failed step; the run as it is now. */
    RunRow retry(String runId, Audit audit) {
        return database.inTransaction(c -> retry(c, runId, audit));
    }

    /** Resumes the run at the step named {@code step}; the run as it is now. */
    RunRow resume(String runId, String step, Audit audit) {
        return database.inTransaction(c -> resume(c, runId, step, audit));
    }

    /** Retries every failed run of the selection that can be; how many were. */
    int retryAll(Selection selection, Audit audit) {
        return forEachFailed(selection, "retry", (c, runId) -> retry(c, runId, audit));
    }

    /** Resumes every failed run of the selection that can be at {@code step}; how many were. */
    int resumeAll(Selection selection, String step, Audit audit) {
        return forEachFailed(selection, "resume", (c, runId) -> resume(c, runId, step, audit));
    }

    /** The name of {@code step}, checked to be a step of the workflow named {@code workflow}. */
    String stepOf(String workflow, WorkflowStep step, String what) {
        WorkflowDefinition<?> owner = registry.ofStep(step);
        if (!owner.name().equals(workflow)) {
            throw new IllegalArgumentException(step.getClass().getSimpleName() + "." + step + " is a step of workflow '"
                    + owner.name() + "', and " + what + " of workflow '" + workflow + "'");
        }
        return step.stepName();
    }

    private RunRow retry(Connection c, String runId, Audit audit) throws SQLException {
        RunRow run = failedRun(c, runId, "retry");
        WorkflowDefinition<?> definition = deployed(run, "retry");
        WorkflowStep step = definition.step(run.step);
        if (step == null) {
            throw refused(run, "retry", "its step '" + run.step + "' does not exist in the deployed version "
                    + definition.version() + "; resume it at a step that does " + WorkflowRegistry.stepNames(definition));
        }
        checkContext(run, definition, "retry");
        Instant now = clock.instant();
        StepHistoryStore.History row = new StepHistoryStore.History(run.step, run.attempt, now, now,
                "RETRIED by " + audit.operator(), null, null, display(definition, step), audit);
        apply(c, run, Transition.retryByOperator(now).recording(row).build(), now);
        return run;
    }

    private RunRow resume(Connection c, String runId, String stepName, Audit audit) throws SQLException {
        RunRow run = failedRun(c, runId, "resume");
        WorkflowDefinition<?> definition = deployed(run, "resume");
        WorkflowStep step = definition.step(stepName);
        if (step == null) {
            throw new IllegalArgumentException("Cannot resume " + run + ": workflow '" + run.workflow + "' has no step '"
                    + stepName + "' " + WorkflowRegistry.stepNames(definition));
        }
        checkContext(run, definition, "resume");
        Instant now = clock.instant();
        StepHistoryStore.History row = new StepHistoryStore.History(run.step, run.attempt, now, now,
                "RESUMED at " + stepName + " by " + audit.operator(), null, null, display(definition, step), audit);
        apply(c, run, Transition.resumeByOperator(stepName, now).recording(row).build(), now);
        return run;
    }

    private void apply(Connection c, RunRow run, Transition transition, Instant now) throws SQLException {
        if (!transitions.apply(c, run, transition, now)) {
            // The run is locked: nobody can have changed it since it was read.
            throw new IllegalStateException(run + " changed while it was locked");
        }
    }

    /** The run, locked, if an operator may take it out of FAILED; refused otherwise. */
    private RunRow failedRun(Connection c, String runId, String action) throws SQLException {
        RunRow run = store.find(c, runId, true);
        if (run == null) {
            throw new IllegalArgumentException("There is no workflow run '" + runId + "' to " + action);
        }
        switch (run.status) {
            case FAILED -> { }
            case COMPLETED -> throw refused(run, action, "it completed; only a FAILED run can be retried or resumed");
            case CANCELLED -> throw refused(run, action, "it was cancelled, a decision rather than a failure, and what"
                    + " the cancellation set off (its children cancelled, its parent resumed) cannot be undone;"
                    + " start a new run instead");
            default -> throw refused(run, action, "it is still going; only a FAILED run can be retried or resumed");
        }
        if (OnFailHook.PENDING.equals(run.onFail)) {
            throw refused(run, action, "its @OnFail has not run yet for this failure; " + action + " it once it has");
        }
        if (run.parentId != null) {
            // Read without a lock: a cancellation locks the parent first, then its children.
            RunRow parent = store.find(c, run.parentId, false);
            if (parent == null) {
                throw refused(run, action, "it is a child run whose parent, run " + run.parentId
                        + ", no longer exists: nothing would receive its outcome");
            }
            if (parent.status.ended()) {
                throw refused(run, action, "it is a child run whose parent, " + parent + ", has ended and would not"
                        + " receive its outcome; retry or resume the parent at the step that runs this subflow,"
                        + " which starts a new child");
            }
        }
        return run;
    }

    private WorkflowDefinition<?> deployed(RunRow run, String action) {
        WorkflowDefinition<?> definition = registry.named(run.workflow);
        if (definition == null) {
            throw refused(run, action, "no workflow named '" + run.workflow + "' is deployed here to run it");
        }
        return definition;
    }

    /** A context that cannot be read would fail the run again at once. */
    private static void checkContext(RunRow run, WorkflowDefinition<?> definition, String action) {
        try {
            definition.decodeContext(run.context);
        } catch (RuntimeException unreadable) {
            throw refused(run, action, "its stored context cannot be read as a " + definition.contextType().getName()
                    + " (" + unreadable.getMessage() + "), so the run would fail again at once");
        }
    }

    private static String display(WorkflowDefinition<?> definition, WorkflowStep step) {
        return WorkflowRegistry.declarationOf(definition, step).display();
    }

    private static OperationRefusedException refused(RunRow run, String action, String why) {
        return new OperationRefusedException("Cannot " + action + " " + run + ": " + why);
    }

    /** An operator's action on one run, in a transaction of its own. */
    @FunctionalInterface
    private interface Action {
        RunRow apply(Connection c, String runId) throws SQLException;
    }

    /**
     * Applies {@code action} to each failed run of the selection, oldest first, a page at a time; a run
     * the action refuses is left as it is and logged.
     */
    private int forEachFailed(Selection selection, String name, Action action) {
        int done = 0;
        Pages.TimeKey after = null;
        while (true) {
            Pages.TimeKey from = after;
            List<RunRow> page = database.inAutoCommit(c -> store.page(c, selection.workflow(), RunStatus.FAILED,
                    selection.entityType(), selection.entityId(), from, BATCH));
            for (RunRow run : page) {
                try {
                    database.inTransaction(c -> action.apply(c, run.id));
                    done++;
                } catch (OperationRefusedException refused) {
                    LOG.warn("Bulk {}: {}", name, refused.getMessage());
                }
            }
            if (page.size() < BATCH) {
                return done;
            }
            RunRow last = page.get(page.size() - 1);
            after = new Pages.TimeKey(last.createdAt, last.id);
        }
    }
}
