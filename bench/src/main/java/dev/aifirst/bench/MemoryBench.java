package dev.aifirst.bench;

import static dev.aifirst.Flow.complete;
import static dev.aifirst.Flow.waitForSignal;

import dev.aifirst.Flow;
import dev.aifirst.annotations.Step;
import dev.aifirst.annotations.Workflow;
import dev.aifirst.workflows.RunQuery;
import dev.aifirst.workflows.RunStatus;
import dev.aifirst.workflows.SignalPayload;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

/**
 * Benchmark 8: the heap a node holds for N runs that wait (here for a signal that does not come):
 * heap used after a full collection, before and after the runs reached their wait.
 */
final class MemoryBench {

    /** A run that waits thirty days for a signal. */
    @Workflow(name = "bench_waiting")
    public static class Waiting {

        public static class Context {
            public long guestId;
        }

        @Step(start = true)
        Flow await(Context ctx, SignalPayload signal) {
            return signal == null ? waitForSignal("never", Duration.ofDays(30), MemoryBench_WaitingSteps.DONE) : complete();
        }

        @Step
        Flow done(Context ctx) {
            return complete();
        }
    }

    private MemoryBench() {
    }

    /** Bytes of heap per waiting run. */
    static Samples run(BenchConfig config, boolean postgres) throws Exception {
        Samples bytesPerRun = new Samples();
        try (BenchDatabase db = postgres ? BenchDatabase.postgres(config, 25) : BenchDatabase.h2(25);
             BenchRuntime node = BenchRuntime.polling(db, RawSchedulerBench.THREADS)) {
            long before = usedHeapAfterGc();
            int n = config.waitingRuns();
            for (int i = 0; i < n; i++) {
                Waiting.Context context = new Waiting.Context();
                context.guestId = i;
                node.runtime.workflows().start(Waiting.class, context);
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (node.runtime.workflows().count(RunQuery.withStatus(RunStatus.WAITING)) < n) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the runs did not all reach their wait");
                }
                Thread.sleep(200);
            }
            long after = usedHeapAfterGc();
            bytesPerRun.add(Math.max(0, after - before) / (double) n);
        }
        return bytesPerRun;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
