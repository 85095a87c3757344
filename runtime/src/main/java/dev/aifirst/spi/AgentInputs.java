package dev.aifirst.spi;

import dev.aifirst.agents.AgentMemory;
import dev.aifirst.events.EventContext;
import java.util.List;
import java.util.Objects;

/**
 * What an agent's handler may take besides its context.
 *
 * @param events the events it receives: one, or for a debounced handler those of its quiet window
 * @param memory the agent's journal
 */
public record AgentInputs(List<EventContext<?>> events, AgentMemory memory) {

    public AgentInputs {
        events = List.copyOf(events);
        Objects.requireNonNull(memory, "memory");
    }

    /** The one event of a handler that is not debounced (the last one otherwise). */
    public EventContext<?> event() {
        return events.get(events.size() - 1);
    }
}
