package dev.aifirst.bench;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.StartWorkflowOptions;
import dev.dbos.transact.config.DBOSConfig;
import dev.dbos.transact.workflow.Workflow;
import dev.dbos.transact.workflow.WorkflowHandle;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Benchmark 3, the peer: the same five no-op steps as a DBOS Transact workflow on the same PostgreSQL,
 * N workflows started directly, one by one, measured from the first start to the last result.
 */
final class DbosBench {

    /** The workflow's interface, as DBOS proxies it. */
    public interface FiveStepWorkflow {
        int run(int n);
    }

    /** Five steps, each one recorded by DBOS (one insert of its output per step). */
    public static final class FiveStepWorkflowImpl implements FiveStepWorkflow {

        private final DBOS dbos;

        FiveStepWorkflowImpl(DBOS dbos) {
            this.dbos = dbos;
        }

        @Workflow(name = "fiveSteps")
        @Override
        public int run(int n) {
            int value = n;
            for (int step = 1; step <= 5; step++) {
                int current = value;
                value = dbos.runStep(() -> current + 1, "step" + step);
            }
            return value;
        }
    }

    private DbosBench() {
    }

    /**
     * Benchmark 3b for the peer: one workflow at a time, from just before its start to its result, in
     * milliseconds.
     */
    static Samples latency(BenchConfig config) throws Exception {
        Samples latencies = new Samples();
        String schema = "dbos_bench_" + ProcessHandle.current().pid() + "_latency";
        try (DBOS dbos = new DBOS(dbosConfig(config, schema))) {
            FiveStepWorkflow workflow = dbos.registerProxy(FiveStepWorkflow.class, new FiveStepWorkflowImpl(dbos));
            dbos.launch();
            int warmUp = config.latencySamples(); // as many as measured: the JIT compiles the whole path first
            for (int i = 0; i < warmUp + config.latencySamples(); i++) {
                int input = i;
                long start = System.nanoTime();
                dbos.startWorkflow(() -> workflow.run(input), new StartWorkflowOptions("bench-" + UUID.randomUUID()))
                        .getResult();
                long end = System.nanoTime();
                if (i >= warmUp) {
                    latencies.add((end - start) / 1e6);
                }
            }
        } finally {
            dropSchema(config, schema);
        }
        return latencies;
    }

    private static DBOSConfig dbosConfig(BenchConfig config, String schema) {
        return DBOSConfig.defaults("aifirst-bench")
                .withDatabaseUrl(config.pgUrl())
                .withDbUser(config.pgUser())
                .withDbPassword("")   // DBOS rejects a null password, even with trust authentication
                .withDatabaseSchema(schema)
                .disableAdminServer();
    }

    private static void dropSchema(BenchConfig config, String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(config.pgUrl(), config.pgUser(), "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** Steps per second, one sample per repetition. */
    static Samples run(BenchConfig config) throws Exception {
        Samples samples = new Samples();
        for (int round = 0; round <= config.repetitions(); round++) {
            String schema = "dbos_bench_" + ProcessHandle.current().pid() + "_" + round;
            try (DBOS dbos = new DBOS(dbosConfig(config, schema))) {
                FiveStepWorkflow workflow = dbos.registerProxy(FiveStepWorkflow.class, new FiveStepWorkflowImpl(dbos));
                dbos.launch();
                int n = config.workflows();
                List<WorkflowHandle<Integer, RuntimeException>> handles = new ArrayList<>(n);
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    int input = i;
                    // Ids must be unique per run: DBOS returns the old result for a reused id.
                    handles.add(dbos.startWorkflow(() -> workflow.run(input),
                            new StartWorkflowOptions("bench-" + UUID.randomUUID())));
                }
                for (WorkflowHandle<Integer, RuntimeException> handle : handles) {
                    handle.getResult();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (round > 0) {
                    samples.add(5.0 * n / seconds);
                }
            } finally {
                dropSchema(config, schema);
            }
        }
        return samples;
    }
}
