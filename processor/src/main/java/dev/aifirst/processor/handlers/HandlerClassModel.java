package dev.aifirst.processor.handlers;

import com.palantir.javapoet.ClassName;
import dev.aifirst.processor.model.RetrySpec;
import java.time.Duration;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * The validated {@code @OnEvent} methods of one class.
 *
 * @param element the class
 * @param target its name
 * @param generated the dispatcher to generate
 * @param constructible whether generated code can create the class with its no-argument constructor
 * @param handlers the methods, sorted by name
 */
record HandlerClassModel(TypeElement element, ClassName target, ClassName generated, boolean constructible,
        List<Handler> handlers) {

    /**
     * One {@code @OnEvent} method.
     *
     * @param method the method's name
     * @param isStatic whether it is static
     * @param entity the entity of its {@code EventContext<E>} parameter
     * @param entityName the entity's qualified name
     * @param event the event name as written
     * @param offset the offset
     * @param retry the retry policy
     * @param namespace the one namespace it receives, or {@code "*"} for every namespace
     * @param ignoresClaims whether it runs for events another handler claimed
     */
    record Handler(String method, boolean isStatic, ClassName entity, String entityName, String event, Duration offset,
            RetrySpec retry, String namespace, boolean ignoresClaims) {
    }

    boolean hasInstanceHandlers() {
        return handlers.stream().anyMatch(handler -> !handler.isStatic());
    }
}
