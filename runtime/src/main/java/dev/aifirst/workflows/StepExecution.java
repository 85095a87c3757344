package dev.aifirst.workflows;

import java.time.Instant;

/**
 * One execution of a step, in a run's history.
 *
 * @param step the step's name
 * @param attempt the attempt, 1 for the first
 * @param startedAt when it started
 * @param endedAt when it ended
 * @param outcome what the step returned ({@code goTo(sendToLock)}, {@code complete()}, ...), or
 *     {@code "FAILED"}, or what happened instead of running it ({@code "TIMED_OUT"})
 * @param error the failure, or {@code null}
 * @param progress the progress reported, or {@code null}
 * @param display the step's display text
 */
public record StepExecution(String step, int attempt, Instant startedAt, Instant endedAt, String outcome,
        String error, Double progress, String display) {
}
