package dev.aifirst.internal.workflows;

import dev.aifirst.workflows.RunStatus;
import java.time.Instant;
import java.util.List;

/**
 * One change of a run's state, described before it is made: where the run goes, what it waits for,
 * whether its worker lets go of it, and what is recorded. {@link RunTransitions} applies every
 * transition the same way (lifecycle check, optimistic sequence, lease, scheduling, history), so the
 * named factories below are the only places that say what, for example, a retry changes.
 */
final class Transition {

    /** What becomes of the step's attempt counter. */
    enum Attempt { KEEP, FIRST, NEXT }

    /** A wait the run enters. */
    record Wait(RunRow.WaitKind kind, String waitingFor, String matchValue, String timeoutStep) {
    }

    final String name;
    final RunStatus to;
    /** The step the run moves to, or null to stay at its step. */
    final String step;
    final Attempt attempt;
    /** The wait entered, or null: a transition leaves any wait. */
    final Wait wait;
    /** When a sleeping run wakes or a wait times out, or null. */
    final Instant wakeAt;
    /** Whether the worker lets go of the run: its lease grows, so older executions are stale. */
    final boolean handsBack;
    /** Whether the run's pending execution (its previous lease) is removed first: the run is woken or stopped from outside. */
    final boolean replacesExecution;
    /** When the run's next execution is due, or null for none (it waits for something to wake it). */
    final Instant executeAt;
    /** The context as JSON, or null to keep it. */
    final String context;
    final boolean keepsInput;
    /** The input of the next step, when not {@link #keepsInput}; null clears it. */
    final String input;
    final Double progress;
    final String result;
    final String error;
    /** The history row that records the step execution, or null. */
    final StepHistoryStore.History history;
    /** A child run to start in the same transaction. */
    final RunRow child;
    /** Claims the step took or released; they take effect with the transition. */
    final List<ClaimChange> claimChanges;
    /** The failure to hand the run's {@code @OnFail} hook (JSON), which then runs as a task of its own; or null. */
    final String onFailure;
    /** Whether the run's error and its {@code @OnFail} state are cleared: it is no longer failed. */
    final boolean clearsFailure;
    /** Whether an operator makes the change: only then may it take a run out of {@code FAILED}. */
    final boolean byOperator;

    private Transition(Builder b) {
        this.name = b.name;
        this.to = b.to;
        this.step = b.step;
        this.attempt = b.attempt;
        this.wait = b.wait;
        this.wakeAt = b.wakeAt;
        this.handsBack = b.handsBack;
        this.replacesExecution = b.replacesExecution;
        this.executeAt = b.executeAt;
        this.context = b.context;
        this.keepsInput = b.keepsInput;
        this.input = b.input;
        this.progress = b.progress;
        this.result = b.result;
        this.error = b.error;
        this.history = b.history;
        this.child = b.child;
        this.claimChanges = List.copyOf(b.claimChanges);
        this.onFailure = b.onFailure;
        this.clearsFailure = b.clearsFailure;
        this.byOperator = b.byOperator;
    }

    // ---- after a step returned ---------------------------------------------------------------

    /** {@code goTo}: the worker goes straight on to {@code step}. */
    static Builder goTo(String step, Double progress) {
        Builder b = new Builder("goTo", RunStatus.RUNNING).attempt(Attempt.FIRST);
        b.step = step;
        b.progress = progress;
        return b;
    }

    /** {@code sleep}: the same step runs again at {@code wakeAt}. */
    static Builder sleep(Instant wakeAt) {
        return new Builder("sleep", RunStatus.SLEEPING).attempt(Attempt.FIRST).handBack(wakeAt).wakeAt(wakeAt);
    }

    /** {@code waitForSignal}: the same step runs again with the signal, or {@code timeoutStep} at {@code timeoutAt}. */
    static Builder waitForSignal(String signal, Instant timeoutAt, String timeoutStep) {
        return new Builder("waitForSignal", RunStatus.WAITING).attempt(Attempt.FIRST)
                .waitFor(new Wait(RunRow.WaitKind.SIGNAL, signal, null, timeoutStep)).wakeAt(timeoutAt)
                .handBack(timeoutAt);
    }

    /** {@code runSubflow}: the run waits for {@code child}, started in the same transaction. */
    static Builder waitForChild(RunRow child) {
        Builder b = new Builder("runSubflow", RunStatus.WAITING).attempt(Attempt.FIRST)
                .waitFor(new Wait(RunRow.WaitKind.SUBFLOW, child.id, null, null)).handBack(null);
        b.child = child;
        return b;
    }

    /** {@code complete}: the run ends successfully. */
    static Builder complete(String result) {
        Builder b = new Builder("complete", RunStatus.COMPLETED).attempt(Attempt.FIRST);
        b.result = result;
        b.progress = 1.0;
        return b;
    }

    /** {@code fail(reason)}: the step ended the run as failed. */
    static Builder failedByStep(String reason) {
        Builder b = fail("fail: " + reason).attempt(Attempt.FIRST);
        b.name = "fail";
        return b;
    }

    /**
     * A failure for good (retries exhausted, a wait timed out, a run that cannot go on): the run ends as
     * failed. Its input is kept, for an operator's retry of the step.
     */
    static Builder fail(String error) {
        Builder b = new Builder("fail", RunStatus.FAILED).keepInput();
        b.error = error;
        return b;
    }

    /** A step attempt failed and its retry policy allows another at {@code at}; the input is kept for it. */
    static Builder retry(Instant at) {
        return new Builder("retry", RunStatus.SLEEPING).attempt(Attempt.NEXT).wakeAt(at).handBack(at).keepInput();
    }

    // ---- around steps --------------------------------------------------------------------------

    /** A {@code @WaitForEvent} step waits for its event before it runs, until {@code timeoutAt} (null: forever). */
    static Builder waitForEvent(String event, String matchValue, Instant timeoutAt, String timeoutStep) {
        return new Builder("waitForEvent", RunStatus.WAITING)
                .waitFor(new Wait(RunRow.WaitKind.EVENT, event, matchValue, timeoutStep)).wakeAt(timeoutAt)
                .handBack(timeoutAt);
    }

    /** A wait timed out: the worker goes on at the timeout step. */
    static Builder timedOut(String timeoutStep) {
        Builder b = new Builder("timeout", RunStatus.RUNNING).attempt(Attempt.FIRST);
        b.step = timeoutStep;
        return b;
    }

    /** The worker has run its burst of steps: the run is due again at once, for any worker. */
    static Builder yieldWorker(Instant now) {
        return new Builder("yield", RunStatus.RUNNING).handBack(now).keepInput();
    }

    // ---- from outside the run ------------------------------------------------------------------

    /** A waiting run is woken (its event, its signal): its step runs now with {@code input}. */
    static Builder wake(String input, Instant now) {
        Builder b = new Builder("wake", RunStatus.RUNNING).handBack(now);
        b.replacesExecution = true;
        b.input = input;
        return b;
    }

    /** A parent waiting for its child resumes at {@code step} with the child's outcome. */
    static Builder resume(String step, String input, Instant now) {
        Builder b = wake(input, now).attempt(Attempt.FIRST);
        b.name = "resume";
        b.step = step;
        return b;
    }

    /** The run is cancelled. */
    static Builder cancel() {
        Builder b = new Builder("cancel", RunStatus.CANCELLED).handBack(null).keepInput();
        b.replacesExecution = true;
        b.error = "cancelled";
        return b;
    }

    // ---- by an operator ------------------------------------------------------------------------

    /**
     * An operator retries a failed run: its current step runs again now, from attempt 1, with the input
     * it had; the run is no longer failed.
     */
    static Builder retryByOperator(Instant now) {
        Builder b = new Builder("operator retry", RunStatus.RUNNING).attempt(Attempt.FIRST).handBack(now).keepInput();
        b.clearsFailure = true;
        b.byOperator = true;
        return b;
    }

    /** An operator resumes a failed run at {@code step}: it runs now, from attempt 1, with no input. */
    static Builder resumeByOperator(String step, Instant now) {
        Builder b = new Builder("operator resume", RunStatus.RUNNING).attempt(Attempt.FIRST).handBack(now);
        b.step = step;
        b.clearsFailure = true;
        b.byOperator = true;
        return b;
    }

    /** Builds a transition; the factories above set what their kind changes, the caller adds what it records. */
    static final class Builder {
        private String name;
        private final RunStatus to;
        private String step;
        private Attempt attempt = Attempt.KEEP;
        private Wait wait;
        private Instant wakeAt;
        private boolean handsBack;
        private boolean replacesExecution;
        private Instant executeAt;
        private String context;
        private boolean keepsInput;
        private String input;
        private Double progress;
        private String result;
        private String error;
        private StepHistoryStore.History history;
        private RunRow child;
        private List<ClaimChange> claimChanges = List.of();
        private String onFailure;
        private boolean clearsFailure;
        private boolean byOperator;

        private Builder(String name, RunStatus to) {
            this.name = name;
            this.to = to;
        }

        private Builder attempt(Attempt attempt) {
            this.attempt = attempt;
            return this;
        }

        private Builder waitFor(Wait wait) {
            this.wait = wait;
            return this;
        }

        private Builder wakeAt(Instant wakeAt) {
            this.wakeAt = wakeAt;
            return this;
        }

        /** The worker lets go; the run's next execution is due at {@code at} (null: none). */
        private Builder handBack(Instant at) {
            this.handsBack = true;
            this.executeAt = at;
            return this;
        }

        private Builder keepInput() {
            this.keepsInput = true;
            return this;
        }

        /** The step's context, to store with the transition. */
        Builder context(String context) {
            this.context = context;
            return this;
        }

        /** Records the step execution in the run's history. */
        Builder recording(StepHistoryStore.History history) {
            this.history = history;
            return this;
        }

        Builder claims(List<ClaimChange> claimChanges) {
            this.claimChanges = claimChanges;
            return this;
        }

        /** The run's {@code @OnFail} hook is to run, once, after this failure commits. */
        Builder callingOnFail(String failureJson) {
            this.onFailure = failureJson;
            return this;
        }

        Transition build() {
            return new Transition(this);
        }
    }

    @Override
    public String toString() {
        return name + " → " + to + (step == null ? "" : " at " + step);
    }
}
