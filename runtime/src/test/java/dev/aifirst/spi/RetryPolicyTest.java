package dev.aifirst.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which failures a policy retries; its backoff is exercised by the run loop's and deliveries' tests. */
class RetryPolicyTest {

    private static final RetryPolicy EVERY_FAILURE = new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofHours(1));

    @Test
    void theFourArgumentPolicyRetriesEveryFailure() {
        assertThat(EVERY_FAILURE.nonRetryable()).isEmpty();
        assertThat(EVERY_FAILURE.retryOn()).isEmpty();
        assertThat(EVERY_FAILURE.retries(new IllegalStateException())).isTrue();
        assertThat(EVERY_FAILURE.retries(new IOException())).isTrue();
        assertThat(EVERY_FAILURE.retries(new AssertionError())).isTrue();
    }

    @Test
    void aNonRetryableClassFailsAtOnceWithItsSubclasses() {
        RetryPolicy policy = EVERY_FAILURE.notRetryingOn(IllegalArgumentException.class);
        assertThat(policy.retries(new IllegalArgumentException())).isFalse();
        assertThat(policy.retries(new NumberFormatException())).isFalse();
        assertThat(policy.retries(new IllegalStateException())).isTrue();
    }

    @Test
    void retryOnRetriesOnlyItsClassesAndTheirSubclasses() {
        RetryPolicy policy = EVERY_FAILURE.retryingOnlyOn(IOException.class, UncheckedIOException.class);
        assertThat(policy.retries(new IOException())).isTrue();
        assertThat(policy.retries(new SocketTimeoutException())).isTrue();
        assertThat(policy.retries(new UncheckedIOException(new IOException()))).isTrue();
        assertThat(policy.retries(new IllegalStateException())).isFalse();
    }

    @Test
    void nonRetryableWinsOverRetryOn() {
        RetryPolicy policy = EVERY_FAILURE.retryingOnlyOn(IOException.class).notRetryingOn(FileNotFoundException.class);
        assertThat(policy.retries(new SocketTimeoutException())).isTrue();
        assertThat(policy.retries(new FileNotFoundException())).isFalse();
        assertThat(policy.retries(new RuntimeException())).isFalse();
    }

    @Test
    void withersKeepTheRestOfThePolicyAndReplaceTheirList() {
        RetryPolicy policy = EVERY_FAILURE.notRetryingOn(IllegalArgumentException.class)
                .notRetryingOn(IllegalStateException.class, NullPointerException.class)
                .retryingOnlyOn(RuntimeException.class);
        assertThat(policy).isEqualTo(new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofHours(1),
                List.of(IllegalStateException.class, NullPointerException.class), List.of(RuntimeException.class)));
        assertThat(EVERY_FAILURE.nonRetryable()).isEmpty();
    }

    @Test
    void aClassInBothListsIsRejected() {
        assertThatThrownBy(() -> EVERY_FAILURE.retryingOnlyOn(IOException.class).notRetryingOn(IOException.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("java.io.IOException is both non-retryable and retried on");
    }
}
