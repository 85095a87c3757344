package dev.aifirst.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes an event to a run or an agent: the event's entity property {@link #entity()} must equal
 * the context property {@link #context()}. Both are checked at compile time.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({})
public @interface Match {

    /** A property of the event's entity, e.g. {@code "id"}. */
    String entity() default "";

    /** A property of the workflow's or agent's context, e.g. {@code "reservationId"}. */
    String context() default "";
}
