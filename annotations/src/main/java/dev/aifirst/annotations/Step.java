package dev.aifirst.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A step of a {@link Workflow}: a method that takes the workflow's {@code Context} (and optionally
 * the triggering {@code EventContext}, a {@code SignalPayload} or a {@code SubflowResult}) and
 * returns a {@code Flow} saying what comes next.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Step {

    /** Marks the step a run begins with; exactly one step of a workflow has it. */
    boolean start() default false;

    /** The step's retry policy; by default the workflow's. */
    Retry retry() default @Retry(maxAttempts = Retry.INHERIT);

    /** Text shown for the step in a user interface; empty shows the step's name. */
    String display() default "";
}
