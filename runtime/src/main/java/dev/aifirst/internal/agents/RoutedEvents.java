package dev.aifirst.internal.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aifirst.events.EventContext;
import dev.aifirst.internal.events.EventContexts;
import dev.aifirst.internal.events.EventReference;
import dev.aifirst.spi.ContextCodec;
import java.time.Instant;

/**
 * An event in an agent's inbox, stored as JSON: a reference to the occurrence, whose entity is loaded
 * again when the handler runs, in the handler's own transaction.
 */
final class RoutedEvents {

    private RoutedEvents() {
    }

    static String json(EventContext<?> event) {
        return ContextCodec.MAPPER.valueToTree(EventContexts.referenceTo(event)).toString();
    }

    static EventReference read(String json) {
        try {
            JsonNode node = ContextCodec.MAPPER.readTree(json);
            return new EventReference(node.get("entityType").asText(), node.get("entityId").asText(),
                    node.get("name").asText(), node.get("declaredName").asText(), node.get("namespace").asText(),
                    Instant.parse(node.get("occurredAt").asText()));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("an agent's inbox holds an event that cannot be read: " + json, e);
        }
    }

    /** How the journal names an event: {@code note_received of Note 7}. */
    static String describe(EventReference event) {
        String type = event.entityType();
        return event.name() + " of " + type.substring(type.lastIndexOf('.') + 1) + " " + event.entityId();
    }
}
