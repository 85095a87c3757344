package dev.aifirst.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes an event to a run or an agent: the id of the event's entity ({@link #entity()}) must equal
 * the context property {@link #context()}. Both are checked at compile time.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({})
public @interface Match {

    /**
     * The event entity's id: {@code "id"} or the name of its {@code @Id} property. Runs are found by
     * the id that every event row carries, so another property is a compile error.
     */
    String entity() default "";

    /** A property of the workflow's or agent's context, e.g. {@code "reservationId"}. */
    String context() default "";
}
