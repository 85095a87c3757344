package dev.aifirst;

import dev.aifirst.workflows.WorkflowStep;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a workflow step returns: where the run goes next. Step methods use the static factories:
 *
 * <pre>{@code
 * import static dev.aifirst.Flow.*;
 *
 * @Step(start = true)
 * Flow generateCode(Context ctx) {
 *     ctx.code = codes.next();
 *     return goTo(SmartLockSetupSteps.SEND_TO_LOCK);
 * }
 * }</pre>
 */
public final class Flow {

    /** What the run does after the step. */
    public enum Kind {
        /** Runs another step. */
        GO_TO,
        /** Runs the same step again after a while. */
        SLEEP,
        /** Waits for a signal, then runs the same step again with it, or goes elsewhere after a timeout. */
        WAIT_FOR_SIGNAL,
        /** Ends the run successfully. */
        COMPLETE,
        /** Ends the run as failed. */
        FAIL,
        /** Starts a child run and waits for it to end. */
        RUN_SUBFLOW
    }

    private final Kind kind;
    private final WorkflowStep next;
    private final Double progress;
    private final Duration duration;
    private final String signal;
    private final Object result;
    private final String reason;
    private final Class<?> subflow;
    private final Supplier<?> childContext;

    private Flow(Kind kind, WorkflowStep next, Double progress, Duration duration, String signal, Object result,
            String reason, Class<?> subflow, Supplier<?> childContext) {
        this.kind = kind;
        this.next = next;
        this.progress = progress;
        this.duration = duration;
        this.signal = signal;
        this.result = result;
        this.reason = reason;
        this.subflow = subflow;
        this.childContext = childContext;
    }

    /** Runs {@code next} now, in the same worker, after committing this step. */
    public static Flow goTo(WorkflowStep next) {
        return new Flow(Kind.GO_TO, Objects.requireNonNull(next, "next"), null, null, null, null, null, null, null);
    }

    /** Runs {@code next}, recording how far the run has come ({@code 0.0} to {@code 1.0}) for a user interface. */
    public static Flow goTo(WorkflowStep next, double progress) {
        if (!(progress >= 0.0 && progress <= 1.0)) {
            throw new IllegalArgumentException("progress must be between 0.0 and 1.0, was " + progress);
        }
        return new Flow(Kind.GO_TO, Objects.requireNonNull(next, "next"), progress, null, null, null, null, null, null);
    }

    /** Runs the same step again after {@code duration}; the run holds no thread meanwhile. */
    public static Flow sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("cannot sleep for a negative duration: " + duration);
        }
        return new Flow(Kind.SLEEP, null, null, duration, null, null, null, null, null);
    }

    /**
     * Waits for the signal {@code name} ({@code runtime.workflows().signal(...)}). When it comes, its
     * payload's fields that exist on the context are merged into it and the same step runs again,
     * receiving the {@code SignalPayload}; after {@code timeout} the run goes to {@code onTimeout}.
     */
    public static Flow waitForSignal(String name, Duration timeout, WorkflowStep onTimeout) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(onTimeout, "onTimeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("the timeout must not be negative: " + timeout);
        }
        return new Flow(Kind.WAIT_FOR_SIGNAL, onTimeout, null, timeout, name, null, null, null, null);
    }

    /** Ends the run successfully. */
    public static Flow complete() {
        return new Flow(Kind.COMPLETE, null, null, null, null, null, null, null, null);
    }

    /** Ends the run successfully with a result (stored as JSON; a parent run receives it). */
    public static Flow complete(Object result) {
        return new Flow(Kind.COMPLETE, null, null, null, null, result, null, null, null);
    }

    /** Ends the run as failed, without retrying; its {@code @OnFail} method runs. */
    public static Flow fail(String reason) {
        return new Flow(Kind.FAIL, null, null, null, null, null, Objects.requireNonNull(reason, "reason"), null, null);
    }

    /**
     * Starts a run of {@code workflowClass} with the context {@code childContext} supplies, and waits
     * for it to end. Then this run goes to {@code onComplete}, which receives a {@code SubflowResult}:
     * the child's result, or its failure or cancellation.
     */
    public static Flow runSubflow(Class<?> workflowClass, Supplier<?> childContext, WorkflowStep onComplete) {
        return new Flow(Kind.RUN_SUBFLOW, Objects.requireNonNull(onComplete, "onComplete"), null, null, null, null,
                null, Objects.requireNonNull(workflowClass, "workflowClass"),
                Objects.requireNonNull(childContext, "childContext"));
    }

    public Kind kind() {
        return kind;
    }

    /** The step to go to: the next step, the step after a timeout, or the step a subflow's end resumes at. */
    public WorkflowStep next() {
        return next;
    }

    /** The progress reported with {@code goTo}, or {@code null}. */
    public Double progress() {
        return progress;
    }

    /** How long to sleep, or the timeout of a wait. */
    public Duration duration() {
        return duration;
    }

    /** The signal waited for. */
    public String signal() {
        return signal;
    }

    public Object result() {
        return result;
    }

    public String reason() {
        return reason;
    }

    public Class<?> subflow() {
        return subflow;
    }

    public Supplier<?> childContext() {
        return childContext;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case GO_TO -> "goTo(" + next.stepName() + (progress == null ? "" : ", " + progress) + ")";
            case SLEEP -> "sleep(" + duration + ")";
            case WAIT_FOR_SIGNAL -> "waitForSignal(" + signal + ", " + duration + ", " + next.stepName() + ")";
            case COMPLETE -> result == null ? "complete()" : "complete(" + result + ")";
            case FAIL -> "fail(" + reason + ")";
            case RUN_SUBFLOW -> "runSubflow(" + subflow.getSimpleName() + ", " + next.stepName() + ")";
        };
    }
}
