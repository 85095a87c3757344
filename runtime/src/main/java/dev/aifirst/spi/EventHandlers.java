package dev.aifirst.spi;

import dev.aifirst.events.EventContext;
import java.util.List;

/**
 * The {@code @OnEvent} methods of one class, generated as {@code <Class>EventHandlers}: their
 * declarations and a dispatcher that calls them directly.
 */
public interface EventHandlers {

    /** One entry per {@code @OnEvent} method, sorted by {@link HandlerDeclaration#key()}. */
    List<HandlerDeclaration> handlers();

    /**
     * Calls the handler method {@code handlerKey} with {@code event}, on the instance that
     * {@code instances} supplies.
     *
     * @throws IllegalArgumentException if {@code handlerKey} is not one of {@link #handlers()}
     */
    void handle(String handlerKey, EventContext<?> event, Instances instances) throws Exception;
}
