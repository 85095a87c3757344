package dev.aifirst.workflows;

import dev.aifirst.spi.ContextCodec;

/**
 * How a child run ended, as the parent's {@code onComplete} step receives it.
 *
 * @param runId the child run
 * @param status {@code COMPLETED}, {@code FAILED} or {@code CANCELLED}
 * @param resultJson the child's {@code complete(result)} as JSON, or {@code null}
 * @param failure why it failed, or {@code null}
 */
public record SubflowResult(String runId, RunStatus status, String resultJson, WorkflowFailure failure) {

    public boolean succeeded() {
        return status == RunStatus.COMPLETED;
    }

    /** The child's result read as {@code type}, or {@code null} if it had none. */
    public <T> T result(Class<T> type) {
        if (resultJson == null) {
            return null;
        }
        try {
            return ContextCodec.MAPPER.readValue(resultJson, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The result of run " + runId + " is not a " + type.getName() + ": "
                    + resultJson, e);
        }
    }
}
