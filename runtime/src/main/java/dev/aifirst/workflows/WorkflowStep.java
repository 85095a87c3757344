package dev.aifirst.workflows;

/**
 * A step of a workflow. Implemented by the enum the processor generates for each workflow
 * ({@code SmartLockSetupSteps}), so that {@code goTo(SmartLockSetupSteps.SEND_TO_LOCK)} is checked by
 * the compiler.
 */
public interface WorkflowStep {

    /** The step's name: the name of its method, as stored with each run. */
    String stepName();
}
