package dev.aifirst.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 6: the time to find and dispatch 1,000 due scheduled events while M other events are
 * pending (due in a month), for a small and a large M. The pending rows are inserted in bulk with
 * SQL, in the runtime's own layout (an event row and its db-scheduler execution each); the due ones
 * are real {@link Listing}s whose {@code listing_available} date arrives two seconds after they are
 * saved. Measured from that date to the last handler.
 */
final class ScaleBench {

    static final int DUE = 1_000;

    private ScaleBench() {
    }

    /** Seconds to dispatch the due events with {@code pending} other events waiting, one sample per repetition. */
    static Samples run(BenchConfig config, int pending) throws Exception {
        Samples seconds = new Samples();
        int due = config.smoke() ? 100 : DUE;
        for (int round = 0; round <= config.repetitions(); round++) {
            try (BenchDatabase db = BenchDatabase.postgres(config, 25);
                 BenchRuntime node = BenchRuntime.polling(db, RawSchedulerBench.THREADS)) {
                fill(db, pending);
                BenchHandlers.available = new CountDownLatch(due);
                Instant dueAt = Instant.now().plusSeconds(2);
                node.emf.runInTransaction(em -> {
                    for (int i = 0; i < due; i++) {
                        em.persist(new Listing("due " + i, false, dueAt));
                    }
                });
                long wait = dueAt.toEpochMilli() - System.currentTimeMillis();
                if (wait < 0) {
                    throw new IllegalStateException("saving " + due + " listings took longer than 2 s; the measurement would start late");
                }
                if (!BenchHandlers.available.await(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the due events were not dispatched");
                }
                double elapsed = (System.currentTimeMillis() - dueAt.toEpochMilli()) / 1000.0;
                if (round > 0) {
                    seconds.add(elapsed);
                }
            }
        }
        return seconds;
    }

    /** Inserts {@code pending} events due in 30 days, with their executions, as the runtime stores them. */
    private static void fill(BenchDatabase db, int pending) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO aif_event (entity_type, entity_id, name, declared_name, namespace, status,"
                    + " trigger_kind, due_at, occurrence, watch_key, created_at, updated_at)"
                    + " SELECT 'dev.aifirst.bench.Listing', 'filler-' || g, 'listing_available', 'listing_available',"
                    + " '*', 'PENDING', 'CREATE', now() + interval '30 days', 1, '', now(), now()"
                    + " FROM generate_series(1, " + pending + ") g");
            s.execute("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                    + " SELECT 'aif-event-due', id || ':1', due_at, FALSE, 1 FROM aif_event"
                    + " WHERE entity_id LIKE 'filler-%'");
            s.execute("ANALYZE aif_event");
            s.execute("ANALYZE scheduled_tasks");
        }
    }
}
