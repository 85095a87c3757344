package dev.aifirst.spi;

import dev.aifirst.events.EventContext;
import dev.aifirst.workflows.SignalPayload;
import dev.aifirst.workflows.StepContext;
import dev.aifirst.workflows.SubflowResult;

/**
 * What a step may take besides its context; each is {@code null} when the step does not receive it.
 *
 * @param event the event that started the run, or the one a {@code @WaitForEvent} step waited for
 * @param signal the signal a {@code waitForSignal} waited for
 * @param subflow the result of the child run a {@code runSubflow} waited for
 * @param stepContext the step's execution: run id, attempt, chat model, {@code remember}
 */
public record StepInputs(EventContext<?> event, SignalPayload signal, SubflowResult subflow, StepContext stepContext) {

    /** The same inputs with the event a step receives. */
    public StepInputs withEvent(EventContext<?> event) {
        return new StepInputs(event, signal, subflow, stepContext);
    }
}
