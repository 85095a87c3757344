package dev.aifirst.workflows;

import java.time.Instant;

/**
 * Why a run failed, as its {@code @OnFail} method and a parent run receive it.
 *
 * @param step the step that failed
 * @param attempt the attempt that failed last
 * @param errorType the exception's class name, or {@code "fail"} for a step that returned {@code fail(reason)}
 * @param message the exception's message or the reason
 * @param stackTrace the exception's stack trace, or empty
 * @param failedAt when it failed
 */
public record WorkflowFailure(String step, int attempt, String errorType, String message, String stackTrace,
        Instant failedAt) {

    @Override
    public String toString() {
        return step + " failed (attempt " + attempt + "): " + errorType + ": " + message;
    }
}
