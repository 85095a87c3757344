package dev.aifirst.internal.scheduling;

import java.time.Duration;

/**
 * How the runtime's db-scheduler instance runs.
 *
 * @param threads worker threads executing steps and handlers
 * @param pollingInterval how often the table is polled for due work; immediate work does not wait
 *     for it (the runtime wakes the scheduler after each commit that makes work due)
 * @param heartbeatInterval how often a running execution proves its node is alive; after
 *     {@value #MISSED_HEARTBEATS} missed heartbeats another node takes the execution over
 * @param schedulerName this node's name in {@code scheduled_tasks.picked_by}; {@code null} uses the host name
 */
public record SchedulerSettings(int threads, Duration pollingInterval, Duration heartbeatInterval, String schedulerName) {

    /** How many heartbeats a node may miss before its executions are taken over by another node. */
    public static final int MISSED_HEARTBEATS = 6;

    public static SchedulerSettings defaults() {
        return new SchedulerSettings(10, Duration.ofSeconds(5), Duration.ofSeconds(30), null);
    }

    /** How long after a node dies its executions are taken over: {@link #MISSED_HEARTBEATS} heartbeats. */
    public Duration takeoverAfter() {
        return heartbeatInterval.multipliedBy(MISSED_HEARTBEATS);
    }
}
