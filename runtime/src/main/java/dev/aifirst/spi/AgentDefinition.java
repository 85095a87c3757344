package dev.aifirst.spi;

import dev.aifirst.agents.AgentDecision;
import dev.aifirst.agents.AgentMemory;
import dev.aifirst.events.EventContext;
import java.time.Duration;
import java.util.List;

/**
 * One {@code @Agent} class, generated as {@code <Name>Agent}: its routing table, typed match
 * functions, context codec, and a dispatcher that calls the handler and heartbeat methods directly.
 *
 * @param <C> the agent's context
 */
public interface AgentDefinition<C> {

    /** The agent's name, stored with each agent. */
    String name();

    /** The user's agent class. */
    Class<?> agentType();

    Class<C> contextType();

    /** The event that spawns agents; empty for an agent spawned only by hand. */
    String spawnEvent();

    /** The entity whose event spawns agents; {@code null} for an agent spawned only by hand. */
    Class<?> spawnEntityType();

    /** Only events of this namespace spawn agents; {@code "*"} for any. */
    String namespace();

    /** Whether at most one agent per {@link #matchContext()} value is active. */
    boolean singleton();

    /** The context property of {@code @Agent(match)}, or empty without one. */
    String matchContext();

    /** How often the heartbeat runs; {@link Duration#ZERO} for an agent without one. */
    Duration heartbeat();

    /** The handlers, in declaration order. */
    List<AgentHandler> handlers();

    /** The context of an agent spawned by {@code event}: the user's {@code createContext}. */
    C createContext(EventContext<?> event, Instances instances) throws Exception;

    /** The value of the context property {@code property} (one that a match names). */
    Object contextKey(String property, C context);

    /** The value, on the event's {@code entity}, of the property that the handler {@code method} matches on. */
    Object entityKey(String method, Object entity);

    /** Whether the handler {@code method} should run: its {@code when}, or true without one. */
    boolean when(String method, C context, AgentInputs inputs, Instances instances) throws Exception;

    /** Runs the handler {@code method}: calls the user's method. */
    AgentDecision handle(String method, C context, AgentInputs inputs, Instances instances) throws Exception;

    /** Runs the {@code @Heartbeat} method. */
    AgentDecision act(C context, AgentMemory memory, Instances instances) throws Exception;

    C decodeContext(String json);

    String encodeContext(C context);
}
