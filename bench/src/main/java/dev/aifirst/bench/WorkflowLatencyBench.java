package dev.aifirst.bench;

import dev.aifirst.AiFirst;
import dev.aifirst.workflows.RunStatus;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark 3b: one {@link FiveSteps} run at a time on a running node, from just before its start to
 * its completion committed (seen by reading the run after its last step began), in milliseconds.
 * {@link DbosBench#latency} measures the same for the peer.
 */
final class WorkflowLatencyBench {

    private WorkflowLatencyBench() {
    }

    /** Latencies in milliseconds, one sample per run. */
    static Samples run(BenchConfig config, boolean postgres) throws Exception {
        Samples latencies = new Samples();
        try (BenchDatabase db = postgres ? BenchDatabase.postgres(config, 15) : BenchDatabase.h2(15);
             BenchRuntime node = BenchRuntime.polling(db, 10)) {
            AiFirst runtime = node.runtime;
            int warmUp = config.latencySamples(); // as many as measured: the JIT compiles the whole path first
            for (int i = 0; i < warmUp + config.latencySamples(); i++) {
                FiveSteps.finished = new CountDownLatch(1);
                FiveSteps.Context context = new FiveSteps.Context();
                context.n = i;
                long start = System.nanoTime();
                String id = runtime.workflows().start(FiveSteps.class, context);
                if (!FiveSteps.finished.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("run " + id + " did not reach its last step within 10 s");
                }
                // The last step has begun; its completion commits right after it returns.
                while (runtime.workflows().find(id).status() != RunStatus.COMPLETED) {
                    LockSupport.parkNanos(50_000);
                }
                long end = System.nanoTime();
                if (i >= warmUp) {
                    latencies.add((end - start) / 1e6);
                }
            }
        }
        return latencies;
    }
}
