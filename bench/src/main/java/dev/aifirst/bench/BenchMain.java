package dev.aifirst.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.dbos.transact.DBOS;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Runs the benchmarks and writes one Markdown table (to {@code bench/target/benchmarks.md} and the
 * console):
 *
 * <pre>
 * ./mvnw -q -pl bench -am package exec:java -DskipTests                           # default sizes
 * ./mvnw -q -pl bench -am package exec:java -DskipTests -Dexec.args="--full"      # the published figures
 * ./mvnw -q -pl bench -am package exec:java -DskipTests -Dexec.args="--smoke"     # seconds, for CI
 * </pre>
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.parse(args);
        Report report = run(config);
        String header = header(config);
        report.write(Path.of(config.output()), header);
        System.out.println();
        System.out.println(report.markdown(header));
        System.out.println("Written to " + Path.of(config.output()).toAbsolutePath());
        System.exit(0); // DBOS and Hikari leave non-daemon threads behind
    }

    static Report run(BenchConfig config) throws Exception {
        Report report = new Report();
        boolean postgres = BenchDatabase.postgresReachable(config);
        if (!postgres) {
            report.note("PostgreSQL at " + config.pgUrl() + " was not reachable: only the H2 figures were measured.");
            System.out.println("PostgreSQL at " + config.pgUrl() + " is not reachable; measuring on H2 only.");
        }
        for (boolean onPostgres : postgres ? new boolean[] {true, false} : new boolean[] {false}) {
            String database = onPostgres ? "PostgreSQL" : "H2 (memory)";
            Samples raw = null;
            if (config.runs("raw") || config.runs("workflows")) {
                System.out.println("1. raw db-scheduler on " + database);
                raw = RawSchedulerBench.run(config, onPostgres);
                report.add(new Report.Row("1. raw db-scheduler: " + config.tasks() + " no-op tasks, lock-and-fetch, "
                        + RawSchedulerBench.THREADS + " threads", database, raw.describe("%,.0f") + " executions/s",
                        "baseline", "", ""));
            }
            Samples ours = null;
            if (config.runs("workflows")) {
                System.out.println("2. workflows on " + database);
                ours = WorkflowThroughputBench.run(config, onPostgres);
                double ratio = ours.median() / raw.median();
                report.add(new Report.Row("2. workflows: " + config.workflows() + " runs of 5 steps, "
                        + RawSchedulerBench.THREADS + " threads", database, ours.describe("%,.0f") + " steps/s",
                        ratio(ratio) + " of (1)", "≥ 0.50 of (1)", Report.verdict(ratio >= 0.5)));
            }
            if (onPostgres && config.runs("dbos")) {
                System.out.println("3. DBOS Transact on " + database);
                Samples dbos = DbosBench.run(config);
                String comparison = ours == null ? "(2) not measured in this run"
                        : "ours " + ratio(ours.median() / dbos.median()) + " of it";
                report.add(new Report.Row("3. DBOS Transact " + DBOS.version() + ": " + config.workflows()
                        + " runs of 5 steps, started directly", database, dbos.describe("%,.0f") + " steps/s",
                        comparison, "ours > 1.00", ours == null ? "" : Report.verdict(ours.median() > dbos.median())));
            }
            if (config.runs("latency")) {
                System.out.println("3b. one workflow at a time on " + database);
                Samples oneByOne = WorkflowLatencyBench.run(config, onPostgres);
                String comparison = "";
                String verdict = "";
                if (onPostgres && config.runs("dbos")) {
                    Samples dbos = DbosBench.latency(config);
                    comparison = String.format(Locale.ROOT, "DBOS Transact: p50 %.1f ms, p99 %.1f ms; ours %s of its p50",
                            dbos.median(), dbos.quantile(0.99), ratio(oneByOne.median() / dbos.median()));
                    verdict = Report.verdict(oneByOne.median() < dbos.median());
                }
                report.add(new Report.Row("3b. one 5-step workflow at a time: start → completion committed, "
                        + oneByOne.size() + " runs", database, String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms",
                        oneByOne.median(), oneByOne.quantile(0.99)), comparison, verdict.isEmpty() ? "" : "ours < DBOS",
                        verdict));
            }
            if (config.runs("sync")) {
                System.out.println("4. event sync overhead on " + database);
                Samples sync = EventSyncBench.run(config, onPostgres);
                report.add(new Report.Row("4. event sync: " + config.entities() + " saves with 3 @Event vs none",
                        database, sync.describe("%.2f") + "× the time", "the same saves without @Events",
                        "≤ 1.30", Report.verdict(sync.median() <= 1.3)));
            }
            if (config.runs("latency")) {
                System.out.println("5. dispatch latency on " + database);
                Samples latency = DispatchLatencyBench.run(config, onPostgres);
                report.add(new Report.Row("5. dispatch latency: commit → @OnEvent start, " + latency.size()
                        + " events one by one", database, String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms",
                        latency.median(), latency.quantile(0.99)), "", "p50 < 20 ms",
                        Report.verdict(latency.median() < 20)));
            }
            if (onPostgres && config.runs("scale")) {
                int small = 1_000;
                int large = config.scaleLarge();
                System.out.println("6. scale on " + database + ": " + small + " and " + large + " pending events");
                Samples withSmall = ScaleBench.run(config, small);
                Samples withLarge = ScaleBench.run(config, large);
                double ratio = withLarge.median() / withSmall.median();
                report.add(new Report.Row(String.format(Locale.ROOT,
                        "6. scale: dispatch %,d due events beside %,d pending", config.smoke() ? 100 : ScaleBench.DUE,
                        large), database, withLarge.describe("%.2f") + " s",
                        String.format(Locale.ROOT, "%s of the time beside %,d (%s s)", ratio(ratio), small,
                                withSmall.describe("%.2f")), "≤ 2.00", Report.verdict(ratio <= 2.0)));
            }
        }
        if (config.runs("compile")) {
            System.out.println("7. compile cost");
            CompileBench.Result compile = CompileBench.run(config);
            report.add(new Report.Row("7. javac: " + config.compileClasses() + " entities + "
                    + config.compileClasses() + " handler classes + " + config.compileClasses()
                    + " workflows, minimal classes", "—", compile.minimal().describe("%.2f") + "× the time",
                    "javac -proc:none", "≤ 1.50", Report.verdict(compile.minimal().median() <= 1.5)));
            int copies = CompileBench.sampleCopies(config);
            report.add(new Report.Row("7. javac: the sample's " + CompileBench.SAMPLE_CLASSES.size() + " classes × "
                    + copies + " (" + copies * 2 + " workflows, " + copies * 3 + " entities)", "—",
                    compile.sample().describe("%.2f") + "× the time", "javac -proc:none", "≤ 1.50",
                    Report.verdict(compile.sample().median() <= 1.5)));
            report.add(new Report.Row("7. javac: the same sample copies, with a processor that writes one file",
                    "—", compile.processingFloor().describe("%.2f") + "× the time", "javac -proc:none", "", ""));
        }
        if (config.runs("memory")) {
            boolean onPostgres = postgres;
            System.out.println("8. memory of waiting runs");
            Samples memory = MemoryBench.run(config, onPostgres);
            report.add(new Report.Row("8. heap: " + config.waitingRuns() + " runs waiting for a signal",
                    onPostgres ? "PostgreSQL" : "H2 (memory)", memory.describe("%.0f") + " bytes per run", "", "", ""));
            report.note("Agents are not part of the runtime yet, so benchmark 8 measures waiting workflow runs only.");
        }
        if (postgres && config.runs("recovery")) {
            for (RecoveryBench.Fault fault : RecoveryBench.Fault.values()) {
                String what = fault == RecoveryBench.Fault.TERMINATED
                        ? "every pool connection terminated (pg_terminate_backend)"
                        : "the database away for " + config.recoveryOutage().toSeconds() + " s";
                System.out.println("9. recovery: " + what);
                RecoveryBench.Result result = RecoveryBench.run(config, fault);
                report.add(new Report.Row("9. recovery: " + config.recoveryRuns() + " runs of 5 steps in flight, "
                        + what, "PostgreSQL", result.figure(config), result.comparison(), "≤ 10 s",
                        Report.verdict(result.met())));
            }
        }
        return report;
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String header(BenchConfig config) {
        String dbScheduler = Scheduler.class.getPackage().getImplementationVersion();
        return "Measured " + Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC on "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", PostgreSQL " + BenchDatabase.postgresVersion(config) + ", Hibernate "
                + org.hibernate.Version.getVersionString() + ", db-scheduler "
                + (dbScheduler == null ? "16.12.0" : dbScheduler) + ", DBOS Transact " + DBOS.version() + "; "
                + (config.smoke() ? "smoke sizes (not figures to quote)" : config.repetitions()
                + " measured repetitions after one warm-up each") + ".";
    }
}
