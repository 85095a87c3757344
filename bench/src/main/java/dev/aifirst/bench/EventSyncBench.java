package dev.aifirst.bench;

import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Benchmark 4: N saves, each its own transaction, of an entity with three {@code @Event}s
 * ({@link Listing}) against the same saves of an identical entity without events
 * ({@link PlainListing}), alternating which goes first. The figure is the ratio of the times.
 */
final class EventSyncBench {

    private EventSyncBench() {
    }

    /** The ratio (with events / without), one sample per repetition. */
    static Samples run(BenchConfig config, boolean postgres) throws Exception {
        Samples ratios = new Samples();
        for (int round = 0; round <= config.repetitions(); round++) {
            try (BenchDatabase db = postgres ? BenchDatabase.postgres(config, 10) : BenchDatabase.h2(10);
                 BenchRuntime node = BenchRuntime.idle(db)) {
                Instant later = Instant.now().plus(Duration.ofDays(30));
                int n = config.entities();
                double with;
                double without;
                if (round % 2 == 0) {
                    without = time(node.emf, n, i -> new PlainListing("listing " + i, i % 2 == 0, later));
                    with = time(node.emf, n, i -> new Listing("listing " + i, i % 2 == 0, later));
                } else {
                    with = time(node.emf, n, i -> new Listing("listing " + i, i % 2 == 0, later));
                    without = time(node.emf, n, i -> new PlainListing("listing " + i, i % 2 == 0, later));
                }
                if (round > 0) {
                    ratios.add(with / without);
                }
            }
        }
        return ratios;
    }

    private static double time(EntityManagerFactory emf, int n, Function<Integer, Object> entity) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Object value = entity.apply(i);
            emf.runInTransaction(em -> em.persist(value));
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
