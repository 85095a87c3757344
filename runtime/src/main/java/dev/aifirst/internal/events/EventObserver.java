package dev.aifirst.internal.events;

import dev.aifirst.events.EventContext;
import org.hibernate.Session;

/**
 * Told, inside the transaction that records it, of every event that occurs. For the runtime's
 * modules (a workflow step waiting for an event is woken this way).
 */
@FunctionalInterface
public interface EventObserver {

    /**
     * @param claimedBy the holder of the claim the occurrence falls under ({@link dev.aifirst.events.ClaimRecord#holder()}),
     *     or null: only that holder should act on it
     */
    void occurred(EventContext<?> event, String claimedBy, Session session) throws Exception;
}
