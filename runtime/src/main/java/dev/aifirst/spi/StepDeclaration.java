package dev.aifirst.spi;

import dev.aifirst.workflows.WorkflowStep;
import java.util.Objects;

/**
 * One {@code @Step} of a workflow.
 *
 * @param step the step
 * @param retry its retry policy, the workflow's unless the step declares its own
 * @param display text for a user interface; empty shows the step's name
 * @param waitForEvent the step's {@code @WaitForEvent}, or {@code null}
 */
public record StepDeclaration(WorkflowStep step, RetryPolicy retry, String display, WaitDeclaration waitForEvent) {

    public StepDeclaration {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(display, "display");
    }

    /** A step that does not wait for an event. */
    public static StepDeclaration of(WorkflowStep step, RetryPolicy retry, String display) {
        return new StepDeclaration(step, retry, display, null);
    }

    /** This step, run when {@code waitForEvent}'s event occurs. */
    public StepDeclaration waitingFor(WaitDeclaration waitForEvent) {
        return new StepDeclaration(step, retry, display, Objects.requireNonNull(waitForEvent, "waitForEvent"));
    }

    public String name() {
        return step.stepName();
    }
}
