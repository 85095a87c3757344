package dev.aifirst.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.persistence.Migrations;
import dev.aifirst.internal.scheduling.H2JdbcCustomization;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 1, the baseline: db-scheduler alone, N no-op one-time tasks scheduled one by one (each
 * its own transaction, as an application schedules work) and executed by a running scheduler with
 * lock-and-fetch polling. Measured from the first schedule to the last execution.
 */
final class RawSchedulerBench {

    static final int THREADS = 20;

    private RawSchedulerBench() {
    }

    /** Executions per second, one sample per repetition. */
    static Samples run(BenchConfig config, boolean postgres) throws Exception {
        Samples samples = new Samples();
        for (int round = 0; round <= config.repetitions(); round++) { // round 0 warms up
            try (BenchDatabase db = postgres ? BenchDatabase.postgres(config, THREADS + 5) : BenchDatabase.h2(THREADS + 5)) {
                new Migrations(new Database(db.dataSource())).migrate(); // creates scheduled_tasks
                int n = config.tasks();
                CountDownLatch done = new CountDownLatch(n);
                OneTimeTask<Void> noop = Tasks.oneTime("noop").execute((instance, context) -> done.countDown());
                var builder = Scheduler.create(db.dataSource(), List.of(noop))
                        .threads(THREADS)
                        .pollingInterval(Duration.ofMillis(100))
                        .enableImmediateExecution()
                        .pollUsingLockAndFetch(0.5, 1.0);
                if (!postgres) {
                    builder.jdbcCustomization(new H2JdbcCustomization());
                }
                Scheduler scheduler = builder.build();
                scheduler.start();
                SchedulerClient client = scheduler;
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    client.scheduleIfNotExists(noop.instance("t" + i), Instant.now());
                }
                if (!done.await(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("raw db-scheduler did not finish " + n + " tasks");
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                scheduler.stop();
                if (round > 0) {
                    samples.add(n / seconds);
                }
            }
        }
        return samples;
    }
}
