package dev.aifirst.internal.events;

import dev.aifirst.events.EventContext;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** The {@link EventContext} a subscriber receives. */
final class DeliveredEvent<E> implements EventContext<E> {

    private final E entity;
    private final String unavailableReason;
    private final EventRow row;
    private final Instant occurredAt;
    private final EntityManager entityManager;

    DeliveredEvent(E entity, String unavailableReason, EventRow row, Instant occurredAt, EntityManager entityManager) {
        this.entity = entity;
        this.unavailableReason = unavailableReason;
        this.row = row;
        this.occurredAt = occurredAt;
        this.entityManager = entityManager;
    }

    @Override
    public E entity() {
        if (entity == null) {
            throw new IllegalStateException("The entity of " + row + " is not available: " + unavailableReason);
        }
        return entity;
    }

    @Override
    public String entityId() {
        return row.entityId;
    }

    @Override
    public String name() {
        return row.name;
    }

    @Override
    public String declaredName() {
        return row.declaredName;
    }

    @Override
    public String namespace() {
        return row.namespace;
    }

    @Override
    public Instant occurredAt() {
        return occurredAt;
    }

    @Override
    public EntityManager entityManager() {
        return entityManager;
    }

    /** The entity class name stored with the event. */
    String entityType() {
        return row.entityType;
    }

    @Override
    public String toString() {
        return row.toString();
    }
}
