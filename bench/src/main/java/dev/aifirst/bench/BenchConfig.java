package dev.aifirst.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What to run and how big: {@code --smoke} for a run of seconds (CI), {@code --full} for the
 * published figures; {@code --only=raw,workflows,...} picks benchmarks; {@code --pg=<jdbc url>}
 * points at PostgreSQL (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user postgres).
 */
record BenchConfig(boolean smoke, int repetitions, int tasks, int workflows, int entities, int latencySamples,
        int scaleLarge, int compileClasses, int waitingRuns, String pgUrl, String pgUser, List<String> only,
        String output) {

    static BenchConfig parse(String... args) {
        boolean smoke = false;
        boolean full = false;
        String pgUrl = System.getProperty("aifirst.bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String pgUser = System.getProperty("aifirst.bench.pg.user", "postgres");
        List<String> only = new ArrayList<>();
        String output = "bench/target/benchmarks.md";
        for (String arg : args) {
            if (arg.equals("--smoke")) {
                smoke = true;
            } else if (arg.equals("--full")) {
                full = true;
            } else if (arg.startsWith("--pg=")) {
                pgUrl = arg.substring(5);
            } else if (arg.startsWith("--pg-user=")) {
                pgUser = arg.substring(10);
            } else if (arg.startsWith("--only=")) {
                only.addAll(List.of(arg.substring(7).split(",")));
            } else if (arg.startsWith("--out=")) {
                output = arg.substring(6);
            } else if (!arg.isBlank()) {
                throw new IllegalArgumentException("unknown argument " + arg
                        + "; use --smoke, --full, --only=raw,workflows,dbos,sync,latency,scale,compile,memory,recovery, --pg=<url>, --out=<file>");
            }
        }
        if (smoke) {
            return new BenchConfig(true, 1, 200, 40, 200, 20, 5_000, 10, 200, pgUrl, pgUser, only, output);
        }
        if (full) {
            return new BenchConfig(false, 5, 10_000, 2_000, 5_000, 300, 1_000_000, 200, 10_000, pgUrl, pgUser, only,
                    output);
        }
        return new BenchConfig(false, 3, 5_000, 1_000, 2_000, 200, 1_000_000, 200, 10_000, pgUrl, pgUser, only, output);
    }

    /** Five-step runs in flight when the recovery probe's faults hit. */
    int recoveryRuns() {
        return smoke ? 40 : 500;
    }

    /** How long the recovery probe takes the database away. */
    Duration recoveryOutage() {
        return smoke ? Duration.ofSeconds(2) : Duration.ofSeconds(30);
    }

    /** When the recovery probe stops waiting and reports that the runtime did not recover. */
    Duration recoveryGiveUp() {
        return smoke ? Duration.ofSeconds(10) : Duration.ofSeconds(40);
    }

    boolean runs(String benchmark) {
        return only.isEmpty() || only.contains(benchmark);
    }
}
