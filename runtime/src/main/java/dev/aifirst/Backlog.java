package dev.aifirst;

import java.time.Instant;
import java.util.List;

/**
 * The runtime's work as the scheduler holds it, for an operator or a health check:
 * {@code runtime.backlog()}.
 *
 * @param due executions due now or earlier and not yet picked: more than the workers keep up with
 *     when it grows
 * @param oldestDue when the oldest of those fell due, or {@code null} when none is due
 * @param running executions picked by a node and running now
 * @param failing executions whose last tries failed, oldest failure first (at most 100): work that
 *     is parked until its next attempt
 */
public record Backlog(long due, Instant oldestDue, long running, List<FailingExecution> failing) {

    public Backlog {
        failing = List.copyOf(failing);
    }

    /**
     * An execution whose last tries failed.
     *
     * @param task the kind of work: {@code aif-workflow} (a run's steps), {@code aif-workflow-on-fail},
     *     {@code aif-event-due} (an event to occur) or {@code aif-event-delivery} (a handler)
     * @param instance which one: {@code <run id>#<lease>}, {@code <run id>}, {@code <event id>:<occurrence>}
     *     or {@code <delivery id>#<attempt>}
     * @param consecutiveFailures how many tries in a row failed
     * @param lastFailure when the last one failed
     * @param nextAttempt when it is tried again
     */
    public record FailingExecution(String task, String instance, int consecutiveFailures, Instant lastFailure,
            Instant nextAttempt) {
    }
}
