package dev.aifirst.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a {@link Step} wait until an event occurs for the run's own entity, then run with it; or,
 * after {@link #timeout()}, go to the step named by {@link #onTimeout()}.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface WaitForEvent {

    /** The event's name: use the generated constant. */
    String value();

    /** How long to wait (ISO-8601); empty waits without limit. */
    String timeout() default "";

    /** The step to go to when the timeout passes; required with a timeout. */
    String onTimeout() default "";

    /**
     * Which event belongs to the run. By default the run's own entity (the entity whose event
     * started it); a run started by hand names the pairing, e.g.
     * {@code @Match(entity = "id", context = "reservationId")}.
     */
    Match match() default @Match;
}
