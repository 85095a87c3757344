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
 *
 * <p>Each kind of flow is a record, so a test (or a debugger) sees exactly what a step decided:
 * {@code assertEquals(Flow.goTo(SEND_TO_LOCK), workflow.generateCode(ctx))}.
 */
public sealed interface Flow
        permits Flow.GoTo, Flow.Sleep, Flow.WaitForSignal, Flow.Complete, Flow.Fail, Flow.RunSubflow {

    /** Runs {@code next} now, in the same worker, after committing this step. */
    static Flow goTo(WorkflowStep next) {
        return new GoTo(next, null);
    }

    /** Runs {@code next}, recording how far the run has come ({@code 0.0} to {@code 1.0}) for a user interface. */
    static Flow goTo(WorkflowStep next, double progress) {
        return new GoTo(next, progress);
    }

    /** Runs the same step again after {@code duration}; the run holds no thread meanwhile. */
    static Flow sleep(Duration duration) {
        return new Sleep(duration);
    }

    /**
     * Waits for the signal {@code name} ({@code runtime.workflows().signal(...)}). When it comes, its
     * payload's fields that exist on the context are merged into it and the same step runs again,
     * receiving the {@code SignalPayload}; after {@code timeout} the run goes to {@code onTimeout}.
     */
    static Flow waitForSignal(String name, Duration timeout, WorkflowStep onTimeout) {
        return new WaitForSignal(name, timeout, onTimeout);
    }

    /** Ends the run successfully. */
    static Flow complete() {
        return new Complete(null);
    }

    /** Ends the run successfully with a result (stored as JSON; a parent run receives it). */
    static Flow complete(Object result) {
        return new Complete(result);
    }

    /** Ends the run as failed, without retrying; its {@code @OnFail} method runs. */
    static Flow fail(String reason) {
        return new Fail(reason);
    }

    /**
     * Starts a run of {@code workflowClass} with the context {@code childContext} supplies, and waits
     * for it to end. Then this run goes to {@code onComplete}, which receives a {@code SubflowResult}:
     * the child's result, or its failure or cancellation.
     */
    static Flow runSubflow(Class<?> workflowClass, Supplier<?> childContext, WorkflowStep onComplete) {
        return new RunSubflow(workflowClass, childContext, onComplete);
    }

    /**
     * Go to another step of the same workflow.
     *
     * @param progress how far the run has come, {@code 0.0} to {@code 1.0}, or {@code null}
     */
    record GoTo(WorkflowStep next, Double progress) implements Flow {
        public GoTo {
            Objects.requireNonNull(next, "next");
            if (progress != null && !(progress >= 0.0 && progress <= 1.0)) {
                throw new IllegalArgumentException("progress must be between 0.0 and 1.0, was " + progress);
            }
        }

        @Override
        public String toString() {
            return "goTo(" + next.stepName() + (progress == null ? "" : ", " + progress) + ")";
        }
    }

    /** Run the same step again after {@code duration}. */
    record Sleep(Duration duration) implements Flow {
        public Sleep {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("cannot sleep for a negative duration: " + duration);
            }
        }

        @Override
        public String toString() {
            return "sleep(" + duration + ")";
        }
    }

    /** Wait for the signal {@code name}; after {@code timeout} go to {@code onTimeout}. */
    record WaitForSignal(String name, Duration timeout, WorkflowStep onTimeout) implements Flow {
        public WaitForSignal {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(onTimeout, "onTimeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("the timeout must not be negative: " + timeout);
            }
        }

        @Override
        public String toString() {
            return "waitForSignal(" + name + ", " + timeout + ", " + onTimeout.stepName() + ")";
        }
    }

    /** End the run successfully, with an optional {@code result}. */
    record Complete(Object result) implements Flow {
        @Override
        public String toString() {
            return result == null ? "complete()" : "complete(" + result + ")";
        }
    }

    /** End the run as failed, for {@code reason}. */
    record Fail(String reason) implements Flow {
        public Fail {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "fail(" + reason + ")";
        }
    }

    /** Start a child run of {@code workflowClass} and wait for it; then go to {@code onComplete}. */
    record RunSubflow(Class<?> workflowClass, Supplier<?> childContext, WorkflowStep onComplete) implements Flow {
        public RunSubflow {
            Objects.requireNonNull(workflowClass, "workflowClass");
            Objects.requireNonNull(childContext, "childContext");
            Objects.requireNonNull(onComplete, "onComplete");
        }

        @Override
        public String toString() {
            return "runSubflow(" + workflowClass.getSimpleName() + ", " + onComplete.stepName() + ")";
        }
    }
}
