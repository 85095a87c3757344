package dev.aifirst.internal.workflows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aifirst.internal.events.EventReference;
import dev.aifirst.spi.ContextCodec;
import dev.aifirst.workflows.RunStatus;
import dev.aifirst.workflows.SignalPayload;
import dev.aifirst.workflows.SubflowResult;
import dev.aifirst.workflows.WorkflowFailure;
import java.time.Instant;
import java.util.Map;

/**
 * What a run hands its next step, stored as JSON in the run's row until the step runs: the event it
 * waited for (a reference; the entity is loaded when the step runs), a signal, or a child's outcome.
 * Written and read here only, each kind tagged with {@code "kind"}.
 */
final class Inputs {

    private static final String EVENT = "event";
    private static final String SIGNAL = "signal";
    private static final String SUBFLOW = "subflow";

    private Inputs() {
    }

    static String event(EventReference event) {
        ObjectNode node = ContextCodec.MAPPER.valueToTree(event);
        node.put("kind", EVENT);
        return node.toString();
    }

    static String signal(String name, ObjectNode fields) {
        ObjectNode node = ContextCodec.MAPPER.createObjectNode();
        node.put("kind", SIGNAL);
        node.put("name", name);
        node.set("fields", fields);
        return node.toString();
    }

    static String subflow(RunRow child) {
        ObjectNode node = ContextCodec.MAPPER.createObjectNode();
        node.put("kind", SUBFLOW);
        node.put("runId", child.id);
        node.put("status", child.status.name());
        node.put("result", child.result);
        node.put("error", child.error);
        node.put("step", child.step);
        node.put("attempt", child.attempt);
        node.put("endedAt", child.updatedAt.toString());
        node.put("context", child.context);
        return node.toString();
    }

    /** The event a step waited for, or {@code null} when the input is not one. */
    static EventReference event(String input) {
        JsonNode node = ofKind(input, EVENT);
        return node == null ? null : new EventReference(node.get("entityType").asText(), node.get("entityId").asText(),
                node.get("name").asText(), node.get("declaredName").asText(), node.get("namespace").asText(),
                Instant.parse(node.get("occurredAt").asText()));
    }

    /** The signal that woke the step, or {@code null} when the input is not one. */
    @SuppressWarnings("unchecked")
    static SignalPayload signal(String input) {
        JsonNode node = ofKind(input, SIGNAL);
        if (node == null) {
            return null;
        }
        Map<String, Object> fields = ContextCodec.MAPPER.convertValue(node.get("fields"), Map.class);
        return new SignalPayload(node.get("name").asText(), fields);
    }

    /** The outcome of the child the step waited for, or {@code null} when the input is not one. */
    static SubflowResult subflow(String input) {
        JsonNode node = ofKind(input, SUBFLOW);
        if (node == null) {
            return null;
        }
        RunStatus status = RunStatus.valueOf(node.get("status").asText());
        WorkflowFailure failure = null;
        if (status != RunStatus.COMPLETED) {
            String error = node.path("error").asText(status.name().toLowerCase());
            int colon = error.indexOf(": ");
            failure = new WorkflowFailure(node.get("step").asText(), node.get("attempt").asInt(),
                    colon > 0 ? error.substring(0, colon) : error, colon > 0 ? error.substring(colon + 2) : error, "",
                    Instant.parse(node.get("endedAt").asText()));
        }
        String result = node.hasNonNull("result") ? node.get("result").asText() : null;
        String context = node.hasNonNull("context") ? node.get("context").asText() : null;
        return new SubflowResult(node.get("runId").asText(), status, result, failure, context);
    }

    private static JsonNode ofKind(String input, String kind) {
        if (input == null) {
            return null;
        }
        JsonNode node = read(input);
        return kind.equals(node.path("kind").asText()) ? node : null;
    }

    static JsonNode read(String json) {
        try {
            return ContextCodec.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable JSON in a workflow run: " + json, e);
        }
    }

    static <T> T convert(String json, Class<T> type) {
        try {
            return ContextCodec.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a " + type.getName() + " from " + json, e);
        }
    }

    static String json(Object value) {
        try {
            return ContextCodec.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
