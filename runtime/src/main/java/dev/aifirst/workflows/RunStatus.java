package dev.aifirst.workflows;

/** Where a workflow run stands. */
public enum RunStatus {
    /** Ready to run a step, or running one. */
    RUNNING,
    /** Waiting for a signal, an event or a child run. */
    WAITING,
    /** Sleeping, or backing off before retrying a step. */
    SLEEPING,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** Whether the run has ended. */
    public boolean ended() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
