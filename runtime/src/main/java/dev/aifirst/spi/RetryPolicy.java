package dev.aifirst.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * A retry policy as declared by {@code @Retry}: up to {@code maxAttempts} attempts with exponential
 * backoff capped at {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration backoff, double multiplier, Duration maxBackoff) {

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
