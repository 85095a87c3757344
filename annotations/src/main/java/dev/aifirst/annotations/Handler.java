package dev.aifirst.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of an {@link Agent} that runs when an event routed to the agent occurs. It takes, in any
 * order, any of: the agent's {@code Context}, the event ({@code EventContext<E>}, or for a
 * {@linkplain #debounce() debounced} handler {@code List<EventContext<E>>}), and the agent's
 * {@code AgentMemory}; it returns {@code void} or an {@code AgentDecision} (which may finish the agent).
 *
 * <pre>{@code
 * @Handler(event = ReservationEvents.CHECKOUT_DUE, offset = "PT1H")
 * void askForFeedback(Context ctx, EventContext<Reservation> event, AgentMemory memory) { ... }
 * }</pre>
 *
 * <p>Changes to the context are stored when the handler returns; a handler that throws leaves the
 * context as it was, and is retried only as its {@link #retry()} says (by default not at all).
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Handler {

    /** The event's name: use the generated constant, e.g. {@code ReservationEvents.CHECKOUT_DUE}. */
    String event();

    /** When to run relative to the event's date (ISO-8601; negative = before it). */
    String offset() default "PT0S";

    /**
     * A {@code boolean} method of the agent class, taking any of the handler's context and event
     * parameters, that must return {@code true} for the handler to run; otherwise the event is
     * recorded as skipped in the agent's journal. Empty: always.
     */
    String when() default "";

    /** How a failing handler is retried; by default it is not. */
    Retry retry() default @Retry(maxAttempts = 1);

    /** Whether the handler receives the event also while someone else holds a claim on it. */
    boolean ignoresClaims() default false;

    /**
     * An ISO-8601 quiet window: the events that reach one agent until none came for this long arrive
     * together, as a {@code List<EventContext<E>>}. Empty: each event on its own.
     */
    String debounce() default "";

    /**
     * Which agent the event belongs to, when it is not an event of the entity named by the agent's
     * own {@link Agent#match()}: e.g. {@code @Match(entity = "reservationId", context = "reservationId")}
     * for the messages of a reservation.
     */
    Match match() default @Match;
}
