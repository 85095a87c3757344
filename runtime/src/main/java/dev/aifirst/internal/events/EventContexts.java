package dev.aifirst.internal.events;

import dev.aifirst.annotations.Trigger;
import dev.aifirst.events.EventContext;
import dev.aifirst.spi.EntityEvents;
import java.time.Instant;
import org.hibernate.Session;

/**
 * Builds the {@link EventContext} a handler, a workflow step or an observer receives, with the
 * entity loaded in the receiving transaction's session (or, for a deletion, its last state).
 */
public final class EventContexts {

    private final EventRegistry registry;
    private final EntitySnapshots snapshots = new EntitySnapshots();

    EventContexts(EventRegistry registry) {
        this.registry = registry;
    }

    /** The context of an occurrence whose entity the caller has already loaded (or null for a deletion). */
    EventContext<?> ofOccurrence(Session session, EventRow row, EntityEvents<?> descriptor, Object entity, Instant now) {
        Object value = entity;
        String unavailable = null;
        if (row.triggerKind == Trigger.DELETE) {
            try {
                value = row.snapshot == null ? null : snapshots.read(row.snapshot, descriptor.entityType());
                unavailable = row.note;
            } catch (Exception e) {
                unavailable = e.getMessage();
            }
        }
        return new DeliveredEvent<>(value, unavailable, row, now, session);
    }

    /**
     * The context of an event that occurred earlier, with its entity loaded in {@code session}: what a
     * workflow step waiting for the event receives when it runs.
     */
    public EventContext<?> ofReference(EventReference event, Session session) {
        EventRow row = new EventRow();
        row.entityType = event.entityType();
        row.entityId = event.entityId();
        row.name = event.name();
        row.declaredName = event.declaredName();
        row.namespace = event.namespace();
        EntityEvents<?> descriptor = registry.descriptorNamed(event.entityType());
        Object entity = null;
        String unavailable = null;
        if (descriptor == null) {
            unavailable = "no entity class " + event.entityType() + " declares events any more";
        } else {
            entity = session.find(descriptor.entityType(), descriptor.parseId(event.entityId()));
            if (entity == null) {
                unavailable = "the entity no longer exists";
            }
        }
        return new DeliveredEvent<>(entity, unavailable, row, event.occurredAt(), session);
    }

    /** A reference to a delivered occurrence, to store and turn back into a context later. */
    public static EventReference referenceTo(EventContext<?> event) {
        if (event instanceof DeliveredEvent<?> delivered) {
            return new EventReference(delivered.entityType(), event.entityId(), event.name(), event.declaredName(),
                    event.namespace(), event.occurredAt());
        }
        throw new IllegalArgumentException("not an event delivered by the runtime: " + event);
    }
}
