package dev.aifirst.internal.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.persistence.Dialect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The db-scheduler instance that executes the runtime's work. In normal operation a polling
 * {@link Scheduler} with worker threads; under a {@code TimeMachine} a {@link ManualScheduler} that
 * executes due work synchronously, in the calling thread, on the time machine's clock.
 */
public final class Scheduling implements AutoCloseable {

    /** How long after a due moment the alarm looks for the work. */
    private static final long ALARM_MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /**
     * db-scheduler deletes the executions of tasks it does not know after 14 days. The table may be
     * the application's, shared with its own db-scheduler: those executions are the application's,
     * and the runtime never deletes them.
     */
    private static final Duration KEEP_UNKNOWN_TASKS = Duration.ofDays(36_500);

    private final Scheduler scheduler;
    private final ManualScheduler manual;
    private final Database database;
    private final Executions executions;
    private final Clock clock;
    private final Duration pollingInterval;
    /** Wakes the polling scheduler for work due before its next poll (a retry's backoff, a short sleep). */
    private final ScheduledExecutorService alarm;
    /** Whether the scheduler's threads were started: stopping one that never started waits for nothing, slowly. */
    private volatile boolean started;

    private Scheduling(Scheduler scheduler, ManualScheduler manual, Database database, Clock clock,
            Duration pollingInterval) {
        this.scheduler = scheduler;
        this.manual = manual;
        this.database = database;
        this.executions = Executions.of(database);
        this.clock = clock;
        this.pollingInterval = pollingInterval;
        this.alarm = manual != null ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "aifirst-alarm");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A polling scheduler with worker threads, on {@code clock}. */
    public static Scheduling polling(Database database, Clock clock, List<Task<?>> tasks, SchedulerSettings settings) {
        requireOwnNames(tasks);
        SchedulerBuilder builder = Scheduler.create(database.dataSource(), tasks)
                .tableName(database.schedulerTable())
                .deleteUnresolvedAfter(KEEP_UNKNOWN_TASKS)
                .clock(clock::instant)
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(SchedulerSettings.MISSED_HEARTBEATS)
                // Our tasks record their own failures; db-scheduler's log of them would repeat it.
                .failureLogging(LogLevel.DEBUG, false)
                .enableImmediateExecution();
        if (settings.schedulerName() != null) {
            builder.schedulerName(new SchedulerName.Fixed(settings.schedulerName()));
        }
        if (database.dialect() == Dialect.H2) {
            builder.jdbcCustomization(new H2JdbcCustomization());
        }
        // Lock-and-fetch picks a batch in one round trip; fetch again when half the threads are free.
        builder.pollUsingLockAndFetch(0.5, 1.0);
        return new Scheduling(builder.build(), null, database, clock, settings.pollingInterval());
    }

    /** A scheduler that runs due work only when asked, synchronously, on {@code clock}. */
    public static Scheduling manual(Database database, SettableClock clock, List<Task<?>> tasks) {
        requireOwnNames(tasks);
        TestHelper.ManualSchedulerBuilder builder = TestHelper.createManualScheduler(database.dataSource(), tasks)
                .clock(clock)
                .tableName(database.schedulerTable());
        builder.deleteUnresolvedAfter(KEEP_UNKNOWN_TASKS);
        if (database.dialect() == Dialect.H2) {
            builder.jdbcCustomization(new H2JdbcCustomization());
        }
        ManualScheduler manual = builder.build();
        return new Scheduling(manual, manual, database, null, null);
    }

    /** What {@link Executions} counts as the runtime's own rests on the names of its tasks. */
    private static void requireOwnNames(List<Task<?>> tasks) {
        for (Task<?> task : tasks) {
            if (!task.getName().startsWith(Executions.TASK_PREFIX)) {
                throw new IllegalStateException("The runtime's task " + task.getName() + " must be named "
                        + Executions.TASK_PREFIX + "...");
            }
        }
    }

    public void start() {
        started = true;
        scheduler.start();
    }

    /**
     * Asks the scheduler to look for due work now instead of at its next poll. Called after a commit
     * that made work due; without effect under a time machine, which runs work when told to.
     */
    public void wakeUp() {
        if (manual == null) {
            scheduler.triggerCheckForDueExecutions();
        }
    }

    /**
     * Asks the scheduler to look for due work at {@code at}, when that comes before its next poll, so
     * that a backoff of a second is kept to about a second whatever the polling interval. Without
     * effect under a time machine.
     */
    public void wakeUpAt(Instant at) {
        if (manual != null) {
            return;
        }
        long delay = Duration.between(clock.instant(), at).toNanos();
        if (delay <= 0) {
            wakeUp();
        } else if (delay < pollingInterval.toNanos()) {
            try {
                // A little after the moment: a look that comes a fraction of a millisecond early finds
                // nothing due, and the work would wait for the next poll.
                alarm.schedule(scheduler::triggerCheckForDueExecutions, delay + ALARM_MARGIN_NANOS, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                // closing: the work waits for the next start
            }
        }
    }

    /** Whether this scheduler runs work only when a time machine asks. */
    public boolean isManual() {
        return manual != null;
    }

    /** Runs, in this thread, a batch of the executions due now (time machine only). */
    public void runDueBatch() {
        if (manual == null) {
            throw new IllegalStateException("runDueBatch is for a runtime started with a TimeMachine");
        }
        manual.runAnyDueExecutions();
    }

    /** Lets another node's dead executions be detected now (time machine only). */
    public void detectDeadExecutions() {
        manual.runDeadExecutionDetection();
    }

    /** When the earliest execution that is not running is due, if there is one. */
    public Optional<Instant> earliestDue() {
        return database.inAutoCommit(executions::earliest);
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        if (manual == null) {
            alarm.shutdownNow();
            if (started) {
                scheduler.stop();
            }
        }
    }
}
