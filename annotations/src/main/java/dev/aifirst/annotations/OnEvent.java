package dev.aifirst.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a method when a business event occurs (an <em>automation</em>).
 *
 * <pre>{@code
 * @OnEvent(ReservationEvents.RESERVATION_CONFIRMED)
 * void sendWelcome(EventContext<Reservation> event) { ... }
 * }</pre>
 *
 * <p>The method takes one {@code EventContext<E>} parameter, where {@code E} is the entity that
 * declares the event, and returns {@code void}. It runs at least once per occurrence; what it writes
 * through {@code event.entityManager()} commits together with the record of its delivery, so its
 * effect on the application's tables happens exactly once. The class needs a no-argument
 * constructor.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface OnEvent {

    /** The event's name: use the generated constant, e.g. {@code ReservationEvents.CHECKIN_DUE}. */
    String value();

    /**
     * When to run relative to the event's date, as an ISO-8601 duration; negative runs before it
     * (while that moment is still ahead).
     */
    String offset() default "PT0S";

    /**
     * Whether the handler receives the event also while a workflow run holds a claim on it
     * ({@code dev.aifirst.events.Claims}); by default a claimed occurrence skips it.
     */
    boolean ignoresClaims() default false;

    /**
     * The namespace whose occurrences the handler receives: one rendered namespace of the event
     * ({@code @Event(namespace)}), such as {@code "tenant-a"}, or {@code "*"} for every namespace.
     * Occurrences in other namespaces are not delivered to it at all. The event must be able to
     * render it: a different constant, or text that its template cannot render, is a compile error.
     */
    String namespace() default "*";

    /** How a failing handler is retried. */
    Retry retry() default @Retry(maxAttempts = 5, backoff = "PT5S", multiplier = 2.0, maxBackoff = "PT1H");
}
