package dev.aifirst.workflows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aifirst.events.EventContext;
import dev.aifirst.spi.ContextCodec;
import java.util.Map;

/**
 * What a run hands its next step, stored as JSON in the run's row until the step runs: the event it
 * waited for (a reference; the entity is loaded when the step runs), a signal, or a child's result.
 */
final class Inputs {

    private Inputs() {
    }

    static String event(EventContext<?> event, String entityType) {
        ObjectNode node = ContextCodec.MAPPER.createObjectNode();
        node.put("kind", "event");
        node.put("entityType", entityType);
        node.put("entityId", event.entityId());
        node.put("name", event.name());
        node.put("declaredName", event.declaredName());
        node.put("namespace", event.namespace());
        node.put("occurredAt", event.occurredAt().toString());
        return node.toString();
    }

    static String signal(String name, ObjectNode fields) {
        ObjectNode node = ContextCodec.MAPPER.createObjectNode();
        node.put("kind", "signal");
        node.put("name", name);
        node.set("fields", fields);
        return node.toString();
    }

    static String subflow(RunRow child) {
        ObjectNode node = ContextCodec.MAPPER.createObjectNode();
        node.put("kind", "subflow");
        node.put("runId", child.id);
        node.put("status", child.status.name());
        node.put("result", child.result);
        node.put("error", child.error);
        node.put("step", child.step);
        node.put("attempt", child.attempt);
        node.put("endedAt", child.updatedAt.toString());
        return node.toString();
    }

    static boolean isEvent(String input) {
        return input != null && "event".equals(read(input).path("kind").asText());
    }

    @SuppressWarnings("unchecked")
    static SignalPayload signal(String input) {
        if (input == null) {
            return null;
        }
        JsonNode node = read(input);
        if (!"signal".equals(node.path("kind").asText())) {
            return null;
        }
        Map<String, Object> fields = ContextCodec.MAPPER.convertValue(node.get("fields"), Map.class);
        return new SignalPayload(node.get("name").asText(), fields);
    }

    static SubflowResult subflow(String input) {
        if (input == null) {
            return null;
        }
        JsonNode node = read(input);
        if (!"subflow".equals(node.path("kind").asText())) {
            return null;
        }
        RunStatus status = RunStatus.valueOf(node.get("status").asText());
        WorkflowFailure failure = null;
        if (status != RunStatus.COMPLETED) {
            String error = node.path("error").asText(status.name().toLowerCase());
            int colon = error.indexOf(": ");
            failure = new WorkflowFailure(node.get("step").asText(), node.get("attempt").asInt(),
                    colon > 0 ? error.substring(0, colon) : error, colon > 0 ? error.substring(colon + 2) : error, "",
                    java.time.Instant.parse(node.get("endedAt").asText()));
        }
        String result = node.hasNonNull("result") ? node.get("result").asText() : null;
        return new SubflowResult(node.get("runId").asText(), status, result, failure);
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
}
