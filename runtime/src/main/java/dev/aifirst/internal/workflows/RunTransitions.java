package dev.aifirst.internal.workflows;

import dev.aifirst.internal.events.ClaimStore;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.scheduling.Executions;
import dev.aifirst.workflows.RunStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one commit path of run state: applies a {@link Transition} to a run and writes it, checked
 * against the {@link RunLifecycle}, guarded by the run's sequence number (a transition that finds the
 * run changed by someone else writes nothing), with the run's next execution, its history row, the
 * claims its step changed and, when it ends, the release of its claims and the resumption of its
 * parent.
 */
final class RunTransitions {

    private static final Logger LOG = LoggerFactory.getLogger(RunTransitions.class);

    private final Database database;
    private final Executions executions;
    private final RunStore store;
    private final ClaimStore claims;
    private final Clock clock;

    private final Consumer<Instant> alarm;

    /**
     * @param alarm told when a committed transition made work due at an instant, so that the
     *     scheduler looks for it then rather than at its next poll
     */
    RunTransitions(Database database, Executions executions, RunStore store, ClaimStore claims, Clock clock,
            Consumer<Instant> alarm) {
        this.database = database;
        this.executions = executions;
        this.store = store;
        this.claims = claims;
        this.clock = clock;
        this.alarm = alarm;
    }

    /**
     * Commits {@code transition} on its own: as one statement where the database writes it so, else
     * in a transaction.
     *
     * @return whether it was written; {@code false} means the run changed meanwhile (a signal, a
     *     cancel, another node) and the worker must stop
     */
    boolean commit(RunRow run, Transition transition) {
        Database.TransactionWork<Boolean> work = c -> {
            if (!apply(c, run, transition, clock.instant())) {
                throw new StaleRun(); // rolls back what the transition wrote before it found out
            }
            return true;
        };
        try {
            boolean committed = oneStatement(run, transition) ? database.inAutoCommit(work) : database.inTransaction(work);
            if (transition.executeAt != null) {
                alarm.accept(transition.executeAt);
            }
            if (transition.onFailure != null || run.status.ended() && run.parentId != null) {
                alarm.accept(run.updatedAt); // the hook, or the parent resumed, is due now
            }
            return committed;
        } catch (StaleRun e) {
            LOG.debug("{} changed meanwhile (signal, cancel or another node); this worker stops", run);
            return false;
        }
    }

    /**
     * Applies {@code transition} in the caller's transaction.
     *
     * @return whether it was written
     */
    boolean apply(Connection c, RunRow run, Transition transition, Instant now) throws SQLException {
        RunLifecycle.check(run, transition.to, transition.name);
        long seq = run.seq;
        if (transition.replacesExecution) {
            executions.remove(c, WorkflowTask.NAME, WorkflowTask.RunInstance.of(run).id());
        }
        if (transition.child != null) {
            store.insertWithExecution(c, transition.child, WorkflowTask.NAME,
                    WorkflowTask.RunInstance.of(transition.child).id(), now);
        }
        change(run, transition, now);
        boolean written = transition.history == null
                ? store.update(c, run, seq)
                : store.updateWithHistory(c, run, seq, transition.history);
        if (!written) {
            return false;
        }
        for (ClaimChange change : transition.claimChanges) {
            change.apply(c, claims, ClaimChange.holderOf(run), now);
        }
        if (transition.executeAt != null) {
            executions.add(c, WorkflowTask.NAME, WorkflowTask.RunInstance.of(run).id(),
                    transition.executeAt);
        }
        if (transition.onFailure != null) {
            executions.add(c, OnFailHook.TASK, run.id, now);
        }
        if (run.status.ended()) {
            ended(c, run, now);
        }
        return true;
    }

    /** The run's fields after {@code t}; its sequence is bumped by the store's write. */
    private static void change(RunRow run, Transition t, Instant now) {
        run.status = t.to;
        if (t.step != null) {
            run.step = t.step;
        }
        switch (t.attempt) {
            case FIRST -> run.attempt = 1;
            case NEXT -> run.attempt++;
            case KEEP -> { }
        }
        run.waitKind = t.wait == null ? null : t.wait.kind();
        run.waitingFor = t.wait == null ? null : t.wait.waitingFor();
        run.matchValue = t.wait == null ? null : t.wait.matchValue();
        run.timeoutStep = t.wait == null ? null : t.wait.timeoutStep();
        run.wakeAt = t.wakeAt;
        if (t.handsBack) {
            run.lease++;
        }
        if (t.context != null) {
            run.context = t.context;
        }
        if (!t.keepsInput) {
            run.input = t.input;
        }
        if (t.progress != null) {
            run.progress = t.progress;
        }
        if (t.result != null) {
            run.result = t.result;
        }
        if (t.error != null) {
            run.error = t.error;
        }
        if (t.onFailure != null) {
            run.onFail = OnFailHook.PENDING;
            run.failure = t.onFailure;
        }
        if (t.claimChanges.stream().anyMatch(ClaimChange::hold)) {
            run.holdsClaims = true;
        }
        run.updatedAt = now;
    }

    /**
     * Whether the transition is a single statement, atomic without a transaction around it: the
     * run's state (with its history row) and nothing else, where the store writes those as one.
     */
    private boolean oneStatement(RunRow run, Transition t) {
        boolean endsWithFollowUp = t.to.ended() && (run.parentId != null || run.holdsClaims);
        return store.writesInOneStatement() && t.claimChanges.isEmpty() && t.child == null && t.executeAt == null
                && t.onFailure == null && !t.replacesExecution && !endsWithFollowUp;
    }

    /** A run ended: its claims end with it, and its parent, if it waits for it, resumes. */
    private void ended(Connection c, RunRow run, Instant now) throws SQLException {
        if (run.holdsClaims) {
            claims.releaseAll(c, ClaimChange.holderOf(run));
        }
        resumeParent(c, run, now);
    }

    /** A child run ended: its parent, waiting for it, resumes at its {@code onComplete} step. */
    void resumeParent(Connection c, RunRow child, Instant now) throws SQLException {
        if (child.parentId == null) {
            return;
        }
        RunRow parent = store.find(c, child.parentId, true);
        if (parent == null || parent.status != RunStatus.WAITING || parent.waitKind != RunRow.WaitKind.SUBFLOW
                || !child.id.equals(parent.waitingFor)) {
            return;
        }
        apply(c, parent, Transition.resume(child.parentStep, Inputs.subflow(child), now).build(), now);
    }

    /** Thrown inside a transition's transaction when the run changed since it was read. */
    private static final class StaleRun extends RuntimeException {
        StaleRun() {
            super("the run changed meanwhile", null, false, false);
        }
    }
}
