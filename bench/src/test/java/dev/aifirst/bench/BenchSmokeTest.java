package dev.aifirst.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a benchmark: checks that every benchmark runs, at tiny sizes, and that the report is written.
 * Without a reachable PostgreSQL, the PostgreSQL benchmarks are left out and the report says so.
 */
class BenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void everyBenchmarkRunsAndTheTableIsWritten() throws Exception {
        Path out = dir.resolve("benchmarks.md");
        BenchConfig config = BenchConfig.parse("--smoke", "--out=" + out);
        Report report = BenchMain.run(config);
        report.write(out, "smoke");
        String table = Files.readString(out);
        assertThat(table).contains("| 1. raw db-scheduler", "| 2. workflows", "| 4. event sync",
                "| 5. dispatch latency", "workflows, minimal classes |", "| 7. javac: the sample", "| 7. javac: the same sample copies", "| 8. heap");
        if (BenchDatabase.postgresReachable(config)) {
            assertThat(table).contains("| 3. DBOS Transact", "| 6. scale", "| PostgreSQL |",
                    "| 9. recovery: 40 runs of 5 steps in flight, every pool connection terminated",
                    "| 9. recovery: 40 runs of 5 steps in flight, the database away for 2 s");
        } else {
            System.out.println("PostgreSQL is not reachable at " + config.pgUrl()
                    + ": the smoke run measured H2 only (DBOS, scale and recovery need PostgreSQL)");
            assertThat(table).contains("was not reachable");
        }
    }
}
