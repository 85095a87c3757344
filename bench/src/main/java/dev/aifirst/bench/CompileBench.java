package dev.aifirst.bench;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Benchmark 7: javac on a generated source set of entities with three events, classes with
 * {@code @OnEvent} handlers, and five-step workflows, with our processor and without any
 * ({@code -proc:none}). The sources compile either way: they refer to events by name and to steps
 * through an enum of their own, so the processor's output is extra code, which is its cost.
 */
final class CompileBench {

    private CompileBench() {
    }

    /** The ratio of javac times (with processor / without), one sample per repetition. */
    static Samples run(BenchConfig config) throws Exception {
        Path sources = Files.createTempDirectory("aifirst-compile-bench");
        try {
            List<Path> files = writeSources(sources, config.compileClasses());
            String classpath = classpath();
            Samples ratios = new Samples();
            for (int round = 0; round <= config.repetitions(); round++) {
                double without = compile(files, classpath, sources.resolve("out-plain-" + round), false);
                double with = compile(files, classpath, sources.resolve("out-processed-" + round), true);
                if (round > 0) {
                    ratios.add(with / without);
                }
            }
            return ratios;
        } finally {
            try (Stream<Path> walk = Files.walk(sources)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static double compile(List<Path> files, String classpath, Path out, boolean processor) throws IOException {
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("-d", out.toString(), "-cp", classpath, "--release", "17",
                "-s", out.toString(), "-nowarn"));
        if (processor) {
            arguments.addAll(List.of("-processorpath", classpath, "-processor", "dev.aifirst.processor.AiFirstProcessor"));
        } else {
            arguments.add("-proc:none");
        }
        files.forEach(file -> arguments.add(file.toString()));
        long start = System.nanoTime();
        int status = javac.run(null, null, System.err, arguments.toArray(String[]::new));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (status != 0) {
            throw new IllegalStateException("javac failed (processor " + processor + ")");
        }
        return seconds;
    }

    /** The class path this JVM runs with: Maven's exec class loader, or the plain class path. */
    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null;
                loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    entries.add(new File(url.getPath()).getPath());
                }
            }
        }
        entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        return String.join(File.pathSeparator, entries);
    }

    static List<Path> writeSources(Path root, int count) throws IOException {
        Path dir = Files.createDirectories(root.resolve("src/bench/gen"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(write(dir, "Room" + i, entity(i)));
            files.add(write(dir, "RoomHandlers" + i, handlers(i)));
            files.add(write(dir, "Turnover" + i, workflow(i)));
        }
        return files;
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name + ".java"), text);
    }

    static String entity(int i) {
        return """
                package bench.gen;

                import dev.aifirst.annotations.*;
                import jakarta.persistence.*;
                import java.time.Instant;

                @Entity
                @Events({
                    @Event(name = "room_%1$d_created"),
                    @Event(name = "room_%1$d_cleaned", when = "isClean", on = {Trigger.CREATE, Trigger.UPDATE}),
                    @Event(name = "room_%1$d_inspection_due", at = "inspectionAt"),
                })
                public class Room%1$d {
                    @Id @GeneratedValue Long id;
                    boolean clean;
                    Instant inspectionAt;
                    boolean isClean() { return clean; }
                }
                """.formatted(i);
    }

    static String handlers(int i) {
        return """
                package bench.gen;

                import dev.aifirst.annotations.*;
                import dev.aifirst.events.EventContext;

                public class RoomHandlers%1$d {
                    @OnEvent("room_%1$d_created")
                    void created(EventContext<Room%1$d> event) { }

                    @OnEvent(value = "room_%1$d_inspection_due", offset = "-PT1H")
                    void beforeInspection(EventContext<Room%1$d> event) { }
                }
                """.formatted(i);
    }

    static String workflow(int i) {
        return """
                package bench.gen;

                import static dev.aifirst.Flow.*;

                import dev.aifirst.Flow;
                import dev.aifirst.annotations.*;
                import dev.aifirst.workflows.WorkflowStep;

                @Workflow(name = "turnover_%1$d")
                public class Turnover%1$d {
                    enum Next implements WorkflowStep {
                        TWO, THREE, FOUR, FIVE;
                        public String stepName() { return name().toLowerCase(); }
                    }
                    public static class Context { public long roomId; public int done; }

                    @Step(start = true) Flow one(Context ctx) { ctx.done++; return goTo(Next.TWO); }
                    @Step Flow two(Context ctx) { ctx.done++; return goTo(Next.THREE); }
                    @Step Flow three(Context ctx) { ctx.done++; return goTo(Next.FOUR); }
                    @Step Flow four(Context ctx) { ctx.done++; return goTo(Next.FIVE); }
                    @Step(retry = @Retry(maxAttempts = 5, backoff = "PT2S")) Flow five(Context ctx) { return complete(); }
                }
                """.formatted(i);
    }
}
