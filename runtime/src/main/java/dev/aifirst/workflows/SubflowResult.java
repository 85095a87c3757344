package dev.aifirst.workflows;

import dev.aifirst.spi.ContextCodec;

/**
 * How a child run ended, as the parent's {@code onComplete} step receives it.
 *
 * @param runId the child run
 * @param status {@code COMPLETED}, {@code FAILED} or {@code CANCELLED}
 * @param resultJson the child's {@code complete(result)} as JSON, or {@code null}
 * @param failure why it failed, or {@code null}
 * @param contextJson the child's context as it last committed it, as JSON
 */
public record SubflowResult(String runId, RunStatus status, String resultJson, WorkflowFailure failure,
        String contextJson) {

    /** A child's outcome without its context. */
    public SubflowResult(String runId, RunStatus status, String resultJson, WorkflowFailure failure) {
        this(runId, status, resultJson, failure, null);
    }

    public boolean succeeded() {
        return status == RunStatus.COMPLETED;
    }

    /**
     * The child's context as it last committed it, read as {@code type} (the child workflow's
     * {@code Context} class): what a child that ends with a plain {@code complete()} hands back.
     */
    public <T> T context(Class<T> type) {
        if (contextJson == null) {
            return null;
        }
        try {
            return ContextCodec.MAPPER.readValue(contextJson, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The context of run " + runId + " is not a " + type.getName() + ": "
                    + contextJson, e);
        }
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
