package dev.aifirst.spi;

import dev.aifirst.annotations.Trigger;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code @Event} as declared on an entity.
 *
 * @param name the declared name, possibly a template such as {@code "task_completed:{taskType}"}
 * @param namespace the declared namespace, a constant or a template
 * @param triggers the lifecycle changes that may make the event occur
 * @param scheduled whether the event has an {@code at} date
 * @param watch the watched properties
 */
public record EventDeclaration(String name, String namespace, Set<Trigger> triggers, boolean scheduled, List<String> watch) {

    public EventDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        triggers = Set.copyOf(triggers);
        watch = List.copyOf(watch);
    }

    /** Whether {@link #name()} has {@code {property}} placeholders. */
    public boolean templated() {
        return name.indexOf('{') >= 0;
    }

    public boolean firesOn(Trigger trigger) {
        return triggers.contains(trigger);
    }
}
