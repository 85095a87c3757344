package dev.aifirst.bench;

import dev.aifirst.AiFirst;
import dev.aifirst.testing.TcpProxy;
import dev.aifirst.workflows.RunQuery;
import dev.aifirst.workflows.RunStatus;
import jakarta.persistence.EntityManagerFactory;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * Benchmark 9, a probe rather than a benchmark: how long the runtime takes to recover from a
 * database fault. {@link RecoverySteps} runs are in flight on a node whose pool reaches PostgreSQL
 * through a {@link TcpProxy} when the fault hits: either every connection of the pool is terminated
 * by the server ({@code pg_terminate_backend}, what a server restart does to its clients), or the
 * database is gone for a while (the proxy refuses connections). The figure is the time from the
 * fault's end to the last run completed; a runtime that has not recovered after
 * {@link BenchConfig#recoveryGiveUp()} is reported as such.
 */
final class RecoveryBench {

    static final int THREADS = 10;

    enum Fault { TERMINATED, OUTAGE }

    /**
     * One probe.
     *
     * @param recovery from the fault's end to the last run completed, or {@code null} if the probe gave up
     * @param completed runs completed when the probe ended
     * @param runs runs started
     * @param completedAtFault runs completed when the fault hit
     * @param workLeft how long the runs left at the fault would take at the pace before it
     */
    record Result(Duration recovery, int completed, int runs, int completedAtFault, Duration workLeft) {

        String figure(BenchConfig config) {
            return recovery == null
                    ? String.format(Locale.ROOT, "> %d s: %d of %d runs completed", config.recoveryGiveUp().toSeconds(),
                            completed, runs)
                    : String.format(Locale.ROOT, "%.1f s from the fault's end to the last run completed",
                            recovery.toMillis() / 1000.0);
        }

        String comparison() {
            return String.format(Locale.ROOT, "%d of %d completed at the fault; the rest take %.1f s without one",
                    completedAtFault, runs, workLeft.toMillis() / 1000.0);
        }

        boolean met() {
            return recovery != null && recovery.compareTo(Duration.ofSeconds(10)) <= 0;
        }
    }

    private RecoveryBench() {
    }

    static Result run(BenchConfig config, Fault fault) throws Exception {
        URI target = URI.create(config.pgUrl().substring("jdbc:".length()));
        int runs = config.recoveryRuns();
        try (TcpProxy proxy = TcpProxy.start(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
             BenchDatabase db = BenchDatabase.postgresThrough(config, THREADS + 5, proxy)) {
            EntityManagerFactory emf = BenchRuntime.entityManagerFactory(db);
            AiFirst runtime = AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(emf).threads(THREADS)
                    .pollingInterval(Duration.ofMillis(500)).heartbeatInterval(Duration.ofSeconds(1)).start();
            try {
                long start = System.nanoTime();
                for (int i = 0; i < runs; i++) {
                    RecoverySteps.Context context = new RecoverySteps.Context();
                    context.n = i;
                    runtime.workflows().start(RecoverySteps.class, context);
                }
                if (awaitCompleted(runtime, runs / 4, Duration.ofSeconds(60)) < 0) {
                    throw new IllegalStateException("a quarter of " + runs + " runs did not complete within 60 s");
                }
                int atFault = completed(runtime);
                double perRun = (System.nanoTime() - start) / (double) Math.max(1, atFault);
                Duration workLeft = Duration.ofNanos((long) (perRun * (runs - atFault)));
                if (fault == Fault.TERMINATED) {
                    int terminated = terminate(config, db.schema());
                    System.out.println("  terminated " + terminated + " connections with " + atFault + " of " + runs
                            + " runs completed");
                } else {
                    proxy.outage(config.recoveryOutage());
                    System.out.println("  database away for " + config.recoveryOutage().toSeconds() + " s with "
                            + atFault + " of " + runs + " runs completed");
                    while (proxy.isCut()) {
                        Thread.sleep(5);
                    }
                }
                long took = awaitCompleted(runtime, runs, config.recoveryGiveUp());
                return new Result(took < 0 ? null : Duration.ofNanos(took), completed(runtime), runs, atFault, workLeft);
            } finally {
                proxy.restore();
                runtime.close();
                emf.close();
            }
        }
    }

    /** Terminates the server processes of the pool's connections, told apart by their application name. */
    private static int terminate(BenchConfig config, String applicationName) throws SQLException {
        try (Connection c = DriverManager.getConnection(config.pgUrl(), config.pgUser(), "");
             PreparedStatement s = c.prepareStatement("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
                     + " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                     + " AND query NOT ILIKE '%pg_stat_activity%' AND application_name = ?")) {
            s.setString(1, applicationName);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Nanoseconds until {@code count} runs completed, or -1 after {@code limit}. */
    private static long awaitCompleted(AiFirst runtime, int count, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            try {
                if (completed(runtime) >= count) {
                    return System.nanoTime() - start;
                }
            } catch (RuntimeException notYet) {
                // the pool is reconnecting
            }
            Thread.sleep(20);
        }
        return -1;
    }

    private static int completed(AiFirst runtime) {
        return (int) runtime.workflows().count(RunQuery.of(RecoverySteps.class).status(RunStatus.COMPLETED));
    }
}
