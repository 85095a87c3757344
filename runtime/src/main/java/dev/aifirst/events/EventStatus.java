package dev.aifirst.events;

/** The status of a business event row. */
public enum EventStatus {
    /** Expected: immediate and waiting for its commit, or scheduled and waiting for its date or condition. */
    PENDING,
    /** It occurred; its handlers have been (or are being) delivered. */
    OCCURRED,
    /** It will not occur: its entity was deleted, or its declaration or rendered name no longer applies. */
    CANCELLED
}
