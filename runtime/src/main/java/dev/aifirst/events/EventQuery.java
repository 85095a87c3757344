package dev.aifirst.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Which business events to list with {@code runtime.events().list(query, page)}; every criterion
 * is optional and they combine. Events are listed in the order they were first recorded.
 *
 * <pre>{@code
 * runtime.events().list(EventQuery.ofEntity(Reservation.class, 42).withStatus(EventStatus.PENDING), PageRequest.first(50));
 * }</pre>
 *
 * @param entityType the entity class (its subclasses' events are stored under it), or {@code null} for any
 * @param entityId the entity's id, or {@code null} for any; needs {@code entityType}
 * @param name the rendered event name, or {@code null} for any
 * @param status the status, or {@code null} for any
 * @param dueFrom only events due at or after this instant, or {@code null}
 * @param dueBefore only events due before this instant, or {@code null}
 */
public record EventQuery(Class<?> entityType, Object entityId, String name, EventStatus status, Instant dueFrom,
        Instant dueBefore) {

    public EventQuery {
        if (entityId != null && entityType == null) {
            throw new IllegalArgumentException("an entity id (" + entityId + ") needs the entity's class");
        }
    }

    /** Every event. */
    public static EventQuery all() {
        return new EventQuery(null, null, null, null, null, null);
    }

    /** The events of every entity of one class. */
    public static EventQuery ofType(Class<?> entityType) {
        return new EventQuery(Objects.requireNonNull(entityType, "entityType"), null, null, null, null, null);
    }

    /** The events of one entity. */
    public static EventQuery ofEntity(Class<?> entityType, Object entityId) {
        return new EventQuery(Objects.requireNonNull(entityType, "entityType"), Objects.requireNonNull(entityId, "entityId"),
                null, null, null, null);
    }

    /** Only events with this rendered name. */
    public EventQuery named(String name) {
        return new EventQuery(entityType, entityId, Objects.requireNonNull(name, "name"), status, dueFrom, dueBefore);
    }

    /** Only events with this status. */
    public EventQuery withStatus(EventStatus status) {
        return new EventQuery(entityType, entityId, name, Objects.requireNonNull(status, "status"), dueFrom, dueBefore);
    }

    /** Only events due in {@code [from, before)}. */
    public EventQuery dueBetween(Instant from, Instant before) {
        return new EventQuery(entityType, entityId, name, status, Objects.requireNonNull(from, "from"),
                Objects.requireNonNull(before, "before"));
    }
}
