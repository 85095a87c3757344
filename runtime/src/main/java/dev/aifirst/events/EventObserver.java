package dev.aifirst.events;

import org.hibernate.Session;

/**
 * Told, inside the transaction that records it, of every event that occurs. For the runtime's
 * modules (a workflow step waiting for an event is woken this way).
 */
@FunctionalInterface
public interface EventObserver {

    void occurred(EventContext<?> event, Session session) throws Exception;
}
