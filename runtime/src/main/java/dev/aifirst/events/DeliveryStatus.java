package dev.aifirst.events;

/** The status of one handler's delivery of one occurrence of an event. */
public enum DeliveryStatus {
    /** Waiting for its time, or for its next attempt after a failure. */
    SCHEDULED,
    /** The handler ran and its transaction committed. */
    DONE,
    /** Every attempt failed; {@link DeliveryRecord#lastError()} says why. */
    FAILED,
    /** Not run: the event did not occur after all, or its entity or handler no longer exists. */
    SKIPPED
}
