package dev.aifirst.internal.observability;

import java.time.Duration;

/**
 * The moments the runtime counts. Called after the work's transaction committed, so that a rolled
 * back attempt is not counted. {@link #NONE} when the application gave no meter registry.
 */
public interface RuntimeMetrics {

    RuntimeMetrics NONE = new RuntimeMetrics() {
    };

    /** How a delivery attempt or a step attempt ended. */
    enum Outcome {
        /** it ran to its end */
        SUCCEEDED,
        /** it failed and is tried again later */
        RETRIED,
        /** it failed for good */
        FAILED,
        /** it did not run: a claim, a cancelled event, a namespace; the reason is on the delivery */
        SKIPPED;

        /** The tag value. */
        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An event occurred (its handlers and workflows are scheduled). */
    default void eventOccurred(String entityType, String event) {
    }

    /**
     * A delivery attempt of an event to a handler ended.
     *
     * @param lag from when the delivery was due to when it started
     */
    default void deliveryEnded(String handler, Outcome outcome, Duration lag) {
    }

    /** A step attempt ended; {@code took} is wall time, whatever clock the runtime reads. */
    default void stepEnded(String workflow, String step, Outcome outcome, Duration took) {
    }
}
