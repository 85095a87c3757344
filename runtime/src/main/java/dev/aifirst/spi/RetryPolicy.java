package dev.aifirst.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A retry policy as declared by {@code @Retry}: up to {@code maxAttempts} attempts with exponential
 * backoff capped at {@code maxBackoff}, for the failures it {@linkplain #retries(Throwable) retries}.
 *
 * <p>Generated code builds a policy with the four-argument constructor, which retries every failure,
 * and names the classes of exceptions, if any, with the withers:
 *
 * <pre>{@code
 * new RetryPolicy(5, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5))
 *         .notRetryingOn(IllegalArgumentException.class)
 *         .retryingOnlyOn(IOException.class)
 * }</pre>
 *
 * @param nonRetryable failures that fail at once: an instance of one of these classes is never retried
 * @param retryOn when not empty, the only failures retried: instances of one of these classes
 */
public record RetryPolicy(int maxAttempts, Duration backoff, double multiplier, Duration maxBackoff,
        List<Class<? extends Throwable>> nonRetryable, List<Class<? extends Throwable>> retryOn) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (backoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff and maxBackoff must not be negative");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1.0, was " + multiplier);
        }
        nonRetryable = List.copyOf(Objects.requireNonNull(nonRetryable, "nonRetryable"));
        retryOn = List.copyOf(Objects.requireNonNull(retryOn, "retryOn"));
        for (Class<? extends Throwable> type : nonRetryable) {
            if (retryOn.contains(type)) {
                throw new IllegalArgumentException(type.getName() + " is both non-retryable and retried on");
            }
        }
    }

    /** A policy that retries every failure. */
    public RetryPolicy(int maxAttempts, Duration backoff, double multiplier, Duration maxBackoff) {
        this(maxAttempts, backoff, multiplier, maxBackoff, List.of(), List.of());
    }

    /**
     * This policy, failing at once on instances of {@code types}: its {@link #nonRetryable()} list is
     * replaced by {@code types}.
     */
    @SafeVarargs
    public final RetryPolicy notRetryingOn(Class<? extends Throwable>... types) {
        return new RetryPolicy(maxAttempts, backoff, multiplier, maxBackoff, List.of(types), retryOn);
    }

    /**
     * This policy, retrying only instances of {@code types} (unless they are also
     * {@linkplain #nonRetryable() non-retryable}): its {@link #retryOn()} list is replaced by {@code types}.
     */
    @SafeVarargs
    public final RetryPolicy retryingOnlyOn(Class<? extends Throwable>... types) {
        return new RetryPolicy(maxAttempts, backoff, multiplier, maxBackoff, nonRetryable, List.of(types));
    }

    /**
     * Whether {@code failure} is worth another attempt, if attempts are left: not when it is an instance
     * of a {@link #nonRetryable()} class; otherwise when {@link #retryOn()} is empty or it is an instance
     * of one of its classes.
     */
    public boolean retries(Throwable failure) {
        if (nonRetryable.stream().anyMatch(type -> type.isInstance(failure))) {
            return false;
        }
        return retryOn.isEmpty() || retryOn.stream().anyMatch(type -> type.isInstance(failure));
    }

    /** Whether another attempt follows the failure of attempt number {@code attempt} (1-based). */
    public boolean allowsAttemptAfter(int attempt) {
        return attempt < maxAttempts;
    }

    /** The wait after the failure of attempt number {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        double millis = backoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        if (Double.isInfinite(millis) || millis >= maxBackoff.toMillis()) {
            return maxBackoff;
        }
        return Duration.ofMillis((long) millis);
    }
}
