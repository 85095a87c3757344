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
 */
public record HandlerDeclaration(String key, Class<?> entityType, String event, Duration offset, RetryPolicy retry) {

    public HandlerDeclaration {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(retry, "retry");
    }
}
