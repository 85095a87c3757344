package dev.aifirst.bench;

/**
 * Benchmark 5: the time from committing a new {@link Ping} (whose creation is an immediate event) to
 * the start of its {@code @OnEvent} handler, one ping at a time on one running node. The clock starts
 * just before the commit, so the figure includes the commit itself.
 */
final class DispatchLatencyBench {

    private DispatchLatencyBench() {
    }

    /** Latencies in milliseconds, one sample per ping. */
    static Samples run(BenchConfig config, boolean postgres) throws Exception {
        Samples latencies = new Samples();
        BenchHandlers.PING_RECEIVED.clear();
        try (BenchDatabase db = postgres ? BenchDatabase.postgres(config, 15) : BenchDatabase.h2(15);
             BenchRuntime node = BenchRuntime.polling(db, 10)) {
            int warmUp = Math.max(5, config.latencySamples() / 10);
            for (int i = 0; i < warmUp + config.latencySamples(); i++) {
                long[] sent = new long[1];
                Long id = node.emf.callInTransaction(em -> {
                    Ping ping = new Ping(0);
                    em.persist(ping);
                    em.flush();
                    sent[0] = System.nanoTime();
                    return ping.getId();
                });
                String key = String.valueOf(id);
                long deadline = System.nanoTime() + 10_000_000_000L;
                Long received;
                while ((received = BenchHandlers.PING_RECEIVED.get(key)) == null) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("ping " + id + " was not handled within 10 s");
                    }
                    Thread.onSpinWait();
                }
                if (i >= warmUp) {
                    latencies.add((received - sent[0]) / 1e6);
                }
            }
        }
        return latencies;
    }
}
