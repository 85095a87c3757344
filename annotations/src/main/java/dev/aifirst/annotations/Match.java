package dev.aifirst.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes an event to a run or an agent: the event entity's property {@link #entity()} must equal
 * the context property {@link #context()}. Both are checked at compile time.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({})
public @interface Match {

    /**
     * A property of the event's entity. For a workflow's {@code @WaitForEvent}, its id: {@code "id"}
     * or the name of its {@code @Id} property (runs are found by the id that every event row carries).
     * For an agent, any property of the same type as the context's, e.g. a message's
     * {@code "reservationId"}.
     */
    String entity() default "";

    /** A property of the workflow's or agent's context, e.g. {@code "reservationId"}. */
    String context() default "";
}
