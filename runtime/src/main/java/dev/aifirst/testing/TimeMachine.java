package dev.aifirst.testing;

import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import dev.aifirst.internal.scheduling.Scheduling;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * A controllable clock for tests: a runtime started with a time machine runs no background threads;
 * work happens when the test says, synchronously, in the test's thread, in the order it falls due.
 *
 * <pre>{@code
 * TimeMachine time = TimeMachine.startingAt(Instant.parse("2026-06-01T09:00:00Z"));
 * AiFirst runtime = AiFirst.builder().dataSource(ds).entityManagerFactory(emf).timeMachine(time).start();
 * ... save a reservation ...
 * time.runDue();                       // immediate events and their handlers
 * time.advance(Duration.ofDays(14));   // two weeks of timers, in order, in milliseconds
 * }</pre>
 */
public final class TimeMachine {

    /** Bounds one call, so that work that keeps rescheduling itself for "now" fails loudly. */
    private static final int MAX_BATCHES_PER_CALL = 100_000;

    private final SettableClock schedulerClock = new SettableClock();
    private final ZoneId zone;
    private final Clock clock;
    private Scheduling scheduling;

    private TimeMachine(Instant start, ZoneId zone) {
        this.zone = zone;
        schedulerClock.set(start);
        this.clock = new MachineClock(schedulerClock, zone);
    }

    /** A time machine whose clock reads {@code start}, in UTC. */
    public static TimeMachine startingAt(Instant start) {
        return startingAt(start, ZoneOffset.UTC);
    }

    /** A time machine whose clock reads {@code start}; local dates are read in {@code zone}. */
    public static TimeMachine startingAt(Instant start, ZoneId zone) {
        return new TimeMachine(Objects.requireNonNull(start, "start"), Objects.requireNonNull(zone, "zone"));
    }

    /** The clock the runtime, and the application, should read. */
    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return schedulerClock.now();
    }

    /**
     * Connects the time machine to the runtime it drives. Called by {@code AiFirst.Builder.start()};
     * not for applications.
     */
    public void attach(Scheduling scheduling) {
        if (this.scheduling != null) {
            throw new IllegalStateException("This TimeMachine already drives a runtime");
        }
        this.scheduling = scheduling;
    }

    /** The clock the runtime's scheduler reads. Called by {@code AiFirst.Builder.start()}; not for applications. */
    public SettableClock schedulerClock() {
        return schedulerClock;
    }

    /** Runs everything due now, including what that work makes due now, until nothing is. */
    public void runDue() {
        requireAttached();
        for (int batch = 0; batch < MAX_BATCHES_PER_CALL; batch++) {
            Optional<Instant> next = earliest();
            if (next.isEmpty() || next.get().isAfter(now())) {
                return;
            }
            scheduling.runDueBatch();
        }
        throw new IllegalStateException("Work kept falling due at " + now() + " after " + MAX_BATCHES_PER_CALL
                + " batches: something reschedules itself without moving forward");
    }

    /**
     * Moves time forward by {@code duration}, stopping at each moment work falls due to run it, in
     * order, with the clock reading that moment.
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A time machine only goes forward: " + duration);
        }
        advanceTo(now().plus(duration));
    }

    /** Moves time forward to {@code target}, running what falls due on the way, in order. */
    public void advanceTo(Instant target) {
        requireAttached();
        if (target.isBefore(now())) {
            throw new IllegalArgumentException("A time machine only goes forward: " + target + " is before " + now());
        }
        runDue();
        while (true) {
            Optional<Instant> next = earliest();
            if (next.isEmpty() || next.get().isAfter(target)) {
                break;
            }
            if (next.get().isAfter(now())) {
                schedulerClock.set(next.get());
            }
            runDue();
        }
        schedulerClock.set(target);
        runDue();
    }

    /**
     * Lets db-scheduler notice executions whose node stopped sending heartbeats (a crashed node) and
     * make them due again; run {@link #runDue()} after it.
     */
    public void detectDeadExecutions() {
        requireAttached();
        scheduling.detectDeadExecutions();
    }

    private Optional<Instant> earliest() {
        return scheduling.earliestDue();
    }

    private void requireAttached() {
        if (scheduling == null) {
            throw new IllegalStateException("Start a runtime with AiFirst.builder().timeMachine(this) first");
        }
    }

    /** A {@link Clock} view of the scheduler's settable clock. */
    private static final class MachineClock extends Clock {
        private final SettableClock source;
        private final ZoneId zone;

        MachineClock(SettableClock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MachineClock(source, zone);
        }

        @Override
        public Instant instant() {
            return source.now();
        }
    }
}
