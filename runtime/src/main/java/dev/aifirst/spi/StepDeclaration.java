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

    public String name() {
        return step.stepName();
    }
}
