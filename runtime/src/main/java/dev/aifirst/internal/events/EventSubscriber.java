package dev.aifirst.internal.events;

import dev.aifirst.events.EventContext;
import dev.aifirst.spi.HandlerDeclaration;
import dev.aifirst.spi.RetryPolicy;
import java.time.Duration;
import org.hibernate.Session;

/**
 * Something that receives the occurrences of one event: an {@code @OnEvent} method, a workflow that
 * starts on the event, an agent's handler. For the runtime's modules; applications use the
 * annotations.
 *
 * <p>Each occurrence is delivered to each subscriber at least once, at the event's date shifted by
 * {@link #offset()}, in a transaction that also records the delivery: what {@link #deliver} writes
 * through the session commits exactly once.
 */
public interface EventSubscriber {

    /** A stable identity, stored with each delivery; unique among subscribers. */
    String key();

    /** The entity class whose events this subscriber receives (subclasses included). */
    Class<?> entityType();

    /** A declared event name, a template (every rendering), or one rendering of a template. */
    String event();

    /** When to receive the event relative to its date; negative is before it. */
    Duration offset();

    /** How a failing delivery is retried. */
    RetryPolicy retry();

    /** Whether this subscriber receives the event also while another holds a {@link dev.aifirst.events.Claims claim} on it. */
    default boolean ignoresClaims() {
        return false;
    }

    /**
     * The rendered namespace whose occurrences this subscriber receives, or
     * {@value HandlerDeclaration#ALL_NAMESPACES} for every namespace.
     */
    default String namespace() {
        return HandlerDeclaration.ALL_NAMESPACES;
    }

    /** Receives one occurrence, inside the delivery's transaction. */
    void deliver(EventContext<?> event, Session session) throws Exception;

    /**
     * Whether this subscriber receives the event of a row with these names and this rendered namespace.
     *
     * <p>A subscriber of another namespace gets no delivery at all, not a skipped one: like a handler
     * of another event, it never subscribed to the occurrence, so recording it would only fill an
     * event's deliveries with one skipped row per other tenant. A skipped delivery is kept for what
     * an operator wants explained: a handler that would have run but did not (a claim, a cancelled
     * event).
     */
    default boolean accepts(Class<?> entityClass, String declaredName, String renderedName, String renderedNamespace) {
        return entityType().isAssignableFrom(entityClass)
                && (event().equals(declaredName) || event().equals(renderedName))
                && (namespace().equals(HandlerDeclaration.ALL_NAMESPACES) || namespace().equals(renderedNamespace));
    }
}
