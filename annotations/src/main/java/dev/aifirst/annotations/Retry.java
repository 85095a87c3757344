package dev.aifirst.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A retry policy: up to {@link #maxAttempts()} attempts, waiting {@link #backoff()} before the
 * second, multiplied by {@link #multiplier()} before each further one, never more than
 * {@link #maxBackoff()}. Durations are ISO-8601 ({@code "PT2S"}), checked at compile time.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({})
public @interface Retry {

    /** Marks a {@link Step#retry()} that takes its workflow's policy. */
    int INHERIT = 0;

    /** Attempts in all, the first one included; {@value #INHERIT} inherits the enclosing policy. */
    int maxAttempts() default 3;

    /** The wait before the second attempt. */
    String backoff() default "PT1S";

    /** The factor applied to the wait before each further attempt. */
    double multiplier() default 2.0;

    /** The longest wait between two attempts. */
    String maxBackoff() default "PT1H";
}
