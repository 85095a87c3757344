package dev.aifirst.workflows.fixtures;

import dev.aifirst.workflows.WorkflowStep;
import javax.annotation.processing.Generated;

/**
 * The steps of {@link DoorCode}, for {@code goTo(DoorCodeSteps.REMIND)}; generated from its {@code @Step} methods.
 */
@Generated("dev.aifirst.processor.AiFirstProcessor")
public enum DoorCodeSteps implements WorkflowStep {
    /**
     * {@link DoorCode#generateCode}, the start step
     */
    GENERATE_CODE("generateCode"),

    /**
     * {@link DoorCode#sendToLock}
     */
    SEND_TO_LOCK("sendToLock"),

    /**
     * {@link DoorCode#greet}
     */
    GREET("greet"),

    /**
     * {@link DoorCode#remind}
     */
    REMIND("remind");

    private final String stepName;

    DoorCodeSteps(String stepName) {
        this.stepName = stepName;
    }

    @Override
    public String stepName() {
        return stepName;
    }
}
