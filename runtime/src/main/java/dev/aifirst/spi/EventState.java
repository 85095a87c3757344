package dev.aifirst.spi;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * What one {@link EventDeclaration} says about an entity as it is at one moment.
 *
 * @param declaration the declaration evaluated
 * @param name the rendered name; {@code null} when a placeholder's property is {@code null}
 * @param namespace the rendered namespace; {@code null} when a placeholder's property is {@code null}
 * @param condition the value of the declaration's {@code when} method ({@code true} without one)
 * @param dueAt the {@code at} date as an instant; {@code null} for immediate events and for a
 *     scheduled event whose date is not set
 * @param watchKey the watched properties' values, rendered; empty without {@code watch}
 * @param missingProperty the placeholder property that was {@code null}, when {@code name} or
 *     {@code namespace} is {@code null}
 */
public record EventState(
        EventDeclaration declaration,
        String name,
        String namespace,
        boolean condition,
        Instant dueAt,
        String watchKey,
        String missingProperty) {

    public EventState {
        Objects.requireNonNull(declaration, "declaration");
        Objects.requireNonNull(watchKey, "watchKey");
    }

    /** The state of an immediate event: it occurs when {@code condition} becomes true. */
    public static EventState immediate(EventDeclaration declaration, String name, String namespace, boolean condition,
            String watchKey) {
        return new EventState(declaration, name, namespace, condition, null, watchKey, null);
    }

    /**
     * The state of a scheduled event: it occurs at {@code dueAt} while {@code condition} holds;
     * {@code dueAt} is {@code null} while the entity's date is not set.
     */
    public static EventState scheduled(EventDeclaration declaration, String name, String namespace, boolean condition,
            Instant dueAt, String watchKey) {
        return new EventState(declaration, name, namespace, condition, dueAt, watchKey, null);
    }

    /** A state whose name or namespace could not be rendered because {@code property} is null. */
    public static EventState unrenderable(EventDeclaration declaration, String property) {
        return new EventState(declaration, null, null, false, null, "", property);
    }

    /** Whether the name and namespace could be rendered. */
    public boolean rendered() {
        return missingProperty == null;
    }

    /** Renders watched values into one comparable key; {@code null} values render as {@code null}. */
    public static String watchKey(Object... values) {
        return values.length == 0 ? "" : Arrays.deepToString(values);
    }
}
