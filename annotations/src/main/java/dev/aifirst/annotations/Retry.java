package dev.aifirst.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A retry policy: up to {@link #maxAttempts()} attempts, waiting {@link #backoff()} before the
 * second, multiplied by {@link #multiplier()} before each further one, never more than
 * {@link #maxBackoff()}. Durations are ISO-8601 ({@code "PT2S"}), checked at compile time.
 *
 * <p>Every failure is retried alike unless the policy names classes of exceptions:
 * {@link #nonRetryable()} fails at once on those, and {@link #retryOn()}, when it names any,
 * retries only those. A failure counts when it is an instance of a class named, subclasses
 * included:
 *
 * <pre>{@code
 * // retries the lock's network errors, but not a lock that does not exist
 * retry = @Retry(maxAttempts = 5, retryOn = IOException.class, nonRetryable = FileNotFoundException.class)
 * }</pre>
 *
 * <p>Programming errors, such as {@link IllegalArgumentException}, {@link IllegalStateException}
 * or {@link NullPointerException}, fail again on every attempt: they are good candidates for
 * {@code nonRetryable}. A class named in both lists is a compile-time error, and so is a list on a
 * step's policy that {@linkplain #INHERIT inherits} its workflow's: the step takes the workflow's
 * lists with the rest of its policy.
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

    /**
     * Failures that are not worth another attempt: one that is an instance of a class named here
     * fails at once, whatever {@link #retryOn()} says. None by default.
     */
    Class<? extends Throwable>[] nonRetryable() default {};

    /**
     * When not empty, the only failures that are retried: one that is an instance of none of these
     * classes fails at once. Empty by default, which retries every failure not
     * {@linkplain #nonRetryable() non-retryable}.
     */
    Class<? extends Throwable>[] retryOn() default {};
}
