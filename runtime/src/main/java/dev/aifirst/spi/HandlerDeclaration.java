package dev.aifirst.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * One {@code @OnEvent} method.
 *
 * <p>Generated code builds a declaration with {@link #of}, which receives every namespace and respects
 * claims, and says what differs with the withers:
 *
 * <pre>{@code
 * HandlerDeclaration.of(PREFIX + "auditTicket", Ticket.class, "ticket_opened", Duration.ZERO, DEFAULT_RETRY)
 *         .inNamespace("team-support")
 *         .ignoringClaims()
 * }</pre>
 *
 * @param key a stable identity, {@code "<binary class name>#<method>"}, stored with every delivery
 * @param entityType the entity named by the method's {@code EventContext<E>} parameter
 * @param event the event name as written in {@code @OnEvent}: a plain name, a template (which
 *     receives every rendering of it) or one rendering of a template
 * @param offset when to run relative to the event's date
 * @param retry how a failing call is retried
 * @param namespace the rendered namespace whose occurrences the handler receives, or
 *     {@value #ALL_NAMESPACES} for every namespace
 * @param ignoresClaims whether the handler receives the event also while a run holds a claim on it
 */
public record HandlerDeclaration(String key, Class<?> entityType, String event, Duration offset, RetryPolicy retry,
        String namespace, boolean ignoresClaims) {

    /** The namespace of a handler that receives the occurrences of every namespace. */
    public static final String ALL_NAMESPACES = "*";

    public HandlerDeclaration {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(retry, "retry");
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("the handler " + key + " needs a namespace, or \"" + ALL_NAMESPACES
                    + "\" for every namespace; was " + (namespace == null ? "null" : "\"" + namespace + "\""));
        }
    }

    /** A handler of every namespace that respects claims, as most are. */
    public static HandlerDeclaration of(String key, Class<?> entityType, String event, Duration offset,
            RetryPolicy retry) {
        return new HandlerDeclaration(key, entityType, event, offset, retry, ALL_NAMESPACES, false);
    }

    /** This handler, receiving only the occurrences whose rendered namespace is {@code namespace}. */
    public HandlerDeclaration inNamespace(String namespace) {
        return new HandlerDeclaration(key, entityType, event, offset, retry, namespace, ignoresClaims);
    }

    /** This handler, receiving the event also while a run holds a claim on it. */
    public HandlerDeclaration ignoringClaims() {
        return new HandlerDeclaration(key, entityType, event, offset, retry, namespace, true);
    }
}
