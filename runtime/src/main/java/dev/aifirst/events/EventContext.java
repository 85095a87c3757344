package dev.aifirst.events;

import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * What a handler receives when a business event occurs.
 *
 * @param <E> the entity that declares the event
 */
public interface EventContext<E> {

    /**
     * The entity, loaded in the handler's transaction. For an event that occurred on {@code DELETE},
     * the entity's last state before it was removed (a detached copy).
     */
    E entity();

    /** The entity's identifier as stored with the event, e.g. {@code "42"}. */
    String entityId();

    /** The rendered event name, e.g. {@code "task_completed:cleaning"}. */
    String name();

    /** The name as declared, e.g. {@code "task_completed:{taskType}"}. */
    String declaredName();

    /** The rendered namespace ({@code "*"} by default). */
    String namespace();

    /** When the event occurred, or, for a scheduled event, its date. */
    Instant occurredAt();

    /**
     * The entity manager of the handler's transaction. What a handler writes through it commits
     * together with the record that the handler ran, so the effect happens exactly once.
     */
    EntityManager entityManager();
}
