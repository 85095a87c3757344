package dev.aifirst.processor.agents;

import com.palantir.javapoet.ClassName;
import dev.aifirst.processor.model.RetrySpec;
import java.time.Duration;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * The validated declaration of one {@code @Agent} class.
 *
 * @param element the agent class
 * @param agent its name as a type
 * @param generated the dispatcher to generate, {@code <Name>Agent}
 * @param context the nested context class
 * @param name the agent's name
 * @param spawnOn the event that spawns agents, or empty
 * @param spawnEntity the entity of {@code createContext(EventContext<E>)}, or {@code null}
 * @param namespace the namespace of the events that spawn agents
 * @param singleton whether one agent per match is active at most
 * @param match the agent's own match, or {@code null}
 * @param heartbeat the heartbeat interval, or {@code Duration.ZERO}
 * @param heartbeatMethod the {@code @Heartbeat} method, or {@code null}
 * @param handlers the handlers in declaration order
 * @param contextKeys the context properties that matches name, with how generated code reads each
 * @param constructible whether generated code can create the class with its no-argument constructor
 */
record AgentModel(TypeElement element, ClassName agent, ClassName generated, ClassName context, String name,
        String spawnOn, ClassName spawnEntity, String namespace, boolean singleton, MatchModel match,
        Duration heartbeat, HeartbeatModel heartbeatMethod, List<HandlerModel> handlers, List<MatchModel> contextKeys,
        boolean constructible) {

    /** What a handler method takes, in the order it declares them. */
    enum Input { CONTEXT, EVENT, EVENTS, MEMORY }

    /**
     * One side-by-side pairing of an entity's property with a context property.
     *
     * @param entityProperty the entity's property name, or {@code null} for a context key alone
     * @param entityAccessor how generated code reads it on the entity: {@code getId()} or {@code id}
     * @param contextProperty the context's property name
     * @param contextAccessor how generated code reads it on the context
     */
    record MatchModel(String entityProperty, String entityAccessor, String contextProperty, String contextAccessor) {
    }

    /**
     * One {@code @Handler} method.
     *
     * @param method the method's name, stored with each event routed to it
     * @param isStatic whether the method is static
     * @param inputs its parameters, in order
     * @param returnsDecision whether it returns an {@code AgentDecision} (else void)
     * @param event the event's name
     * @param entity the entity that declares the event
     * @param offset when to run relative to the event's date
     * @param debounce the quiet window, or {@code Duration.ZERO}
     * @param retry its retry policy
     * @param ignoresClaims whether it receives claimed events too
     * @param match how the event finds the agent
     * @param when the {@code when} method, or {@code null}
     */
    record HandlerModel(String method, boolean isStatic, List<Input> inputs, boolean returnsDecision, String event,
            ClassName entity, Duration offset, Duration debounce, RetrySpec retry, boolean ignoresClaims,
            MatchModel match, WhenModel when) {
    }

    /**
     * The {@code when} method of a handler.
     *
     * @param method its name
     * @param isStatic whether it is static
     * @param inputs its parameters (only {@code CONTEXT}, {@code EVENT} and {@code EVENTS}), in order
     */
    record WhenModel(String method, boolean isStatic, List<Input> inputs) {
    }

    /**
     * The {@code @Heartbeat} method.
     *
     * @param method its name
     * @param isStatic whether it is static
     * @param takesMemory whether it takes the {@code AgentMemory} after the context
     * @param returnsDecision whether it returns an {@code AgentDecision} (else void)
     */
    record HeartbeatModel(String method, boolean isStatic, boolean takesMemory, boolean returnsDecision) {
    }
}
