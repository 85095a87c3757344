package dev.aifirst.workflows;

import dev.aifirst.Audit;
import java.time.Instant;

/**
 * One execution of a step in a run's history, or an operator's action on the run.
 *
 * @param step the step's name (for an operator's action: the step the run had failed at)
 * @param attempt the attempt, 1 for the first (for an operator's action: the attempt the run had reached)
 * @param startedAt when it started
 * @param endedAt when it ended
 * @param outcome what the step returned ({@code goTo(sendToLock)}, {@code complete()}, ...), or
 *     {@code "FAILED"}, or what happened instead of running it ({@code "TIMED_OUT"}), or the operator's
 *     action ({@code "RETRIED by alice"}, {@code "RESUMED at notifyGuest by alice"})
 * @param error the failure, or {@code null}
 * @param progress the progress reported, or {@code null}
 * @param display the step's display text
 * @param audit who took the operator's action and why, or {@code null} for a step execution
 */
public record StepExecution(String step, int attempt, Instant startedAt, Instant endedAt, String outcome,
        String error, Double progress, String display, Audit audit) {

    /** Whether this row records an operator's action rather than a step execution. */
    public boolean byOperator() {
        return audit != null;
    }
}
