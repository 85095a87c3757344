package dev.aifirst.internal.scheduling;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import dev.aifirst.internal.persistence.DatabaseFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every execution of ours does when it fails. While the database is away, the work is tried
 * again in place, in the same worker, every {@value #MAX_PAUSE_MILLIS} ms at most, so it goes on
 * within seconds of the database's return instead of waiting to be rescheduled (which needs the
 * database too) or to be found dead. Anything else that escapes an execution is a defect of ours:
 * the execution is rescheduled with a backoff from one second, capped, and logged at WARN with the
 * execution named, once per incident.
 */
public final class Resilience {

    private static final Logger LOG = LoggerFactory.getLogger(Resilience.class);
    /** The first pause after a transient failure, doubled after each until {@link #MAX_PAUSE_MILLIS}. */
    static final long FIRST_PAUSE_MILLIS = 100;
    static final long MAX_PAUSE_MILLIS = 2_000;
    /** How long one execution keeps trying in place before it gives up its worker. */
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);
    /** The backoff of a rescheduled execution: from a second, doubling, at most five minutes. */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private Resilience() {
    }

    /**
     * Runs {@code work} on {@code subject} for the execution {@code what}; a transient database
     * failure is tried again in place (the work re-reads its state, so a repeat is safe) until it
     * passes or {@link #GIVE_UP_AFTER} has gone by.
     */
    public static <T> void run(String what, Consumer<T> work, T subject) {
        long pause = FIRST_PAUSE_MILLIS;
        long started = System.nanoTime();
        int failures = 0;
        while (true) {
            try {
                work.accept(subject);
                if (failures > 0) {
                    LOG.info("{} went on after the database came back ({} attempts, {} ms)", what, failures + 1,
                            Duration.ofNanos(System.nanoTime() - started).toMillis());
                }
                return;
            } catch (RuntimeException failure) {
                if (!DatabaseFailures.isTransient(failure)
                        || Duration.ofNanos(System.nanoTime() - started).compareTo(GIVE_UP_AFTER) > 0) {
                    throw failure;
                }
                if (failures++ == 0) {
                    LOG.warn("{} could not reach the database; trying again every {} ms at most until it can: {}", what,
                            MAX_PAUSE_MILLIS, rootMessage(failure));
                }
                sleep(pause);
                pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
            }
        }
    }

    /**
     * The failure handler of every task of ours: reschedules the execution with a backoff from a
     * second, doubling, capped at five minutes, and says so at WARN on the first failure of an
     * incident and every tenth after it.
     */
    public static <T> FailureHandler<T> rescheduleWithBackoff(Consumer<Instant> wakeUpAt) {
        return (ExecutionComplete complete, ExecutionOperations<T> operations) -> {
            int failures = complete.getExecution().consecutiveFailures + 1;
            Duration delay = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 20));
            if (delay.compareTo(MAX_BACKOFF) > 0) {
                delay = MAX_BACKOFF;
            }
            Instant next = complete.getTimeDone().plus(delay);
            String what = complete.getExecution().taskInstance.getTaskName() + " "
                    + complete.getExecution().taskInstance.getId();
            Throwable cause = complete.getCause().orElse(null);
            if (failures == 1 || failures % 10 == 0) {
                LOG.warn("{} failed ({} time{} in a row); it runs again at {}", what, failures, failures == 1 ? "" : "s",
                        next, cause);
            } else {
                LOG.debug("{} failed again ({} times in a row); next at {}", what, failures, next, cause);
            }
            operations.reschedule(complete, next);
            wakeUpAt.accept(next);
        };
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
