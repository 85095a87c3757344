package dev.aifirst.bench;

import dev.aifirst.AiFirst;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 2: N runs of {@link FiveSteps} through the runtime, started one by one (each start its own
 * transaction) on a running node with as many threads as the baseline. Measured from the first start
 * to the last step: steps per second.
 */
final class WorkflowThroughputBench {

    private WorkflowThroughputBench() {
    }

    static Samples run(BenchConfig config, boolean postgres) throws Exception {
        Samples samples = new Samples();
        for (int round = 0; round <= config.repetitions(); round++) {
            try (BenchDatabase db = postgres ? BenchDatabase.postgres(config, RawSchedulerBench.THREADS + 5)
                    : BenchDatabase.h2(RawSchedulerBench.THREADS + 5);
                 BenchRuntime node = BenchRuntime.polling(db, RawSchedulerBench.THREADS)) {
                AiFirst runtime = node.runtime;
                int n = config.workflows();
                FiveSteps.finished = new CountDownLatch(n);
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    FiveSteps.Context context = new FiveSteps.Context();
                    context.n = i;
                    runtime.workflows().start(FiveSteps.class, context);
                }
                if (!FiveSteps.finished.await(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the runtime did not finish " + n + " workflows");
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (round > 0) {
                    samples.add(5.0 * n / seconds);
                }
            }
        }
        return samples;
    }
}
