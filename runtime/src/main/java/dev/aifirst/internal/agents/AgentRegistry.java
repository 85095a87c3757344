package dev.aifirst.internal.agents;

import dev.aifirst.internal.deployment.Deployment;
import dev.aifirst.spi.AgentDefinition;
import dev.aifirst.spi.AgentHandler;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The agents the compilation declared: their generated definitions, by name and by class. */
final class AgentRegistry {

    private final Map<String, AgentDefinition<?>> byName = new LinkedHashMap<>();
    private final Map<Class<?>, AgentDefinition<?>> byType = new LinkedHashMap<>();

    @SuppressWarnings("rawtypes")
    AgentRegistry(Deployment deployment) {
        for (AgentDefinition definition : deployment.registrations(AgentDefinition.class)) {
            if (!deployment.includes(definition.agentType().getName())) {
                continue;
            }
            AgentDefinition<?> previous = byName.putIfAbsent(definition.name(), definition);
            if (previous != null) {
                throw new IllegalStateException("Two agents are named '" + definition.name() + "': "
                        + previous.agentType().getName() + " and " + definition.agentType().getName());
            }
            byType.put(definition.agentType(), definition);
        }
    }

    Collection<AgentDefinition<?>> definitions() {
        return byName.values();
    }

    /** The deployed agent named {@code name}, or {@code null}. */
    AgentDefinition<?> named(String name) {
        return byName.get(name);
    }

    /** The definition of {@code agentClass}; a clear error if it is not a deployed agent. */
    AgentDefinition<?> of(Class<?> agentClass) {
        AgentDefinition<?> definition = byType.get(agentClass);
        if (definition == null) {
            throw new IllegalArgumentException(agentClass.getName() + " is not a deployed @Agent (is the processor on"
                    + " the compiler's annotationProcessorPaths?)");
        }
        return definition;
    }

    /** The handler {@code method} of {@code definition}, or {@code null} if this deployment has none. */
    static AgentHandler handler(AgentDefinition<?> definition, String method) {
        for (AgentHandler handler : definition.handlers()) {
            if (handler.method().equals(method)) {
                return handler;
            }
        }
        return null;
    }

    /**
     * Whether the agent's spawning delivery routes {@code handler} itself: a handler on the spawning
     * event, without offset, reaches the agent that this very event spawned (or found), exactly once.
     */
    static boolean handledAtSpawn(AgentDefinition<?> definition, AgentHandler handler) {
        return !definition.spawnEvent().isEmpty() && handler.event().equals(definition.spawnEvent())
                && handler.offset().isZero() && handler.entityType().equals(definition.spawnEntityType());
    }
}
