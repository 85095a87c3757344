package dev.aifirst.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * One {@code @OnEvent} method.
 *
 * @param key a stable identity, {@code "<binary class name>#<method>"}, stored with every delivery
 * @param entityType the entity named by the method's {@code EventContext<E>} parameter
 * @param event the event name as written in {@code @OnEvent}: a plain name, a template (which
 *     receives every rendering of it) or one rendering of a template
 * @param offset when to run relative to the event's date
 * @param retry how a failing call is retried
 * @param ignoresClaims whether the handler receives the event also while a run holds a claim on it
 */
public record HandlerDeclaration(String key, Class<?> entityType, String event, Duration offset, RetryPolicy retry,
        boolean ignoresClaims) {

    /** A handler that respects claims, as most are. */
    public HandlerDeclaration(String key, Class<?> entityType, String event, Duration offset, RetryPolicy retry) {
        this(key, entityType, event, offset, retry, false);
    }

    public HandlerDeclaration {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(retry, "retry");
    }
}
