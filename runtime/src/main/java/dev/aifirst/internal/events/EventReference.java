package dev.aifirst.internal.events;

import java.time.Instant;

/**
 * Names one occurrence of an event without its entity: what a workflow run stores while its step
 * waits to run with the event.
 *
 * @param entityType the entity class name the event is stored under
 */
public record EventReference(String entityType, String entityId, String name, String declaredName, String namespace,
        Instant occurredAt) {
}
