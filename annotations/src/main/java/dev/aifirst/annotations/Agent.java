package dev.aifirst.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A business agent: a durable actor that an event spawns, that keeps its {@code Context} for weeks,
 * receives the events routed to it by {@link Match}, runs its {@link Handler} methods and wakes every
 * {@link #heartbeat()} to run its {@link Heartbeat} method.
 *
 * <pre>{@code
 * @Agent(name = "guest_concierge", spawnOn = ReservationEvents.GUEST_CHECKED_IN,
 *        match = @Match(entity = "id", context = "reservationId"), heartbeat = "PT2H")
 * public class GuestConcierge {
 *     public static class Context { public long reservationId; }
 *     static Context createContext(EventContext<Reservation> event) { ... }
 *     ...
 * }
 * }</pre>
 *
 * <p>With {@link #spawnOn()}, the class declares {@code static Context createContext(EventContext<E> event)};
 * without it, agents are spawned with {@code runtime.agents().spawn(MyAgent.class, context)}. The
 * processor generates {@code <Name>Agent}, the routing table and the dispatcher that calls the methods.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Agent {

    /** The agent's name, unique in the application; stored with every agent. */
    String name();

    /** The event that spawns an agent: use the generated constant. Empty: spawned only by hand. */
    String spawnOn() default "";

    /**
     * Which agent an event of the spawning entity belongs to: the entity's property {@code entity}
     * equals the context's property {@code context}. With {@link #singleton()}, there is at most one
     * active agent per value of that context property.
     */
    Match match() default @Match;

    /**
     * Whether one active agent at most exists per match: a second matching event reaches the agent
     * that is already there instead of spawning another one.
     */
    boolean singleton() default true;

    /** How often the {@link Heartbeat} method runs while the agent is active (ISO-8601). Empty: never. */
    String heartbeat() default "";

    /** Only events of this namespace spawn the agent; {@code "*"} accepts every namespace. */
    String namespace() default "*";
}
