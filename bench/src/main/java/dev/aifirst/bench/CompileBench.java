package dev.aifirst.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Benchmark 7: javac with our processor and without any ({@code -proc:none}) on two source sets:
 * minimal classes (entities with three events, classes with two {@code @OnEvent} handlers, five-step
 * workflows, a few lines each) and copies of the sample's classes (each copy in a package of its
 * own). Both compile either way: they refer to events by name and to steps through an enum of their
 * own, so the processor's output is extra code, which is its cost. A third figure is javac's own
 * price for annotation processing: the same sample copies with a processor that writes one file.
 */
final class CompileBench {

    /** The sample's classes that the copies are made of (its main class and journey left out). */
    static final List<String> SAMPLE_CLASSES = List.of("Guest", "GuestMessages", "LockService", "Outbox",
            "PreArrival", "Reservation", "SentMessage", "SmartLockSetup", "StayLog", "Stays");

    private static final String OUR_PROCESSOR = "dev.aifirst.processor.AiFirstProcessor";

    /** References to the sample's generated code, which the copies replace. */
    private static final Pattern EVENT_CONSTANT = Pattern.compile("ReservationEvents\\.([A-Z_]+)");
    private static final Pattern STEP_CONSTANT = Pattern.compile("\\w+Steps\\.([A-Z_]+)");

    /** The three ratios of javac times, one sample per repetition each. */
    record Result(Samples minimal, Samples sample, Samples processingFloor) {
    }

    private CompileBench() {
    }

    static Result run(BenchConfig config) throws Exception {
        Path root = Files.createTempDirectory("aifirst-compile-bench");
        try {
            List<Path> minimal = writeSources(root.resolve("minimal"), config.compileClasses());
            List<Path> sample = writeSampleCopies(root.resolve("sample"), sampleCopies(config));
            String classpath = classpath();
            Result result = new Result(new Samples(), new Samples(), new Samples());
            for (int round = 0; round <= config.repetitions(); round++) {
                Path out = root.resolve("out-" + round);
                double minimalPlain = compile(minimal, classpath, out.resolve("minimal-plain"), null);
                double minimalOurs = compile(minimal, classpath, out.resolve("minimal-ours"), OUR_PROCESSOR);
                double samplePlain = compile(sample, classpath, out.resolve("sample-plain"), null);
                double sampleOurs = compile(sample, classpath, out.resolve("sample-ours"), OUR_PROCESSOR);
                double sampleFloor = compile(sample, classpath, out.resolve("sample-floor"),
                        OneSourceProcessor.class.getName());
                if (round > 0) {
                    result.minimal().add(minimalOurs / minimalPlain);
                    result.sample().add(sampleOurs / samplePlain);
                    result.processingFloor().add(sampleFloor / samplePlain);
                }
            }
            return result;
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Two workflows per copy of the sample: as many workflows as the minimal set has. */
    static int sampleCopies(BenchConfig config) {
        return Math.max(1, config.compileClasses() / 2);
    }

    /** javac's time on {@code files}, with {@code processor} or, when it is null, with {@code -proc:none}. */
    private static double compile(List<Path> files, String classpath, Path out, String processor) throws IOException {
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("-d", out.toString(), "-cp", classpath, "--release", "17",
                "-s", out.toString(), "-nowarn"));
        if (processor != null) {
            arguments.addAll(List.of("-processorpath", classpath, "-processor", processor));
        } else {
            arguments.add("-proc:none");
        }
        files.forEach(file -> arguments.add(file.toString()));
        long start = System.nanoTime();
        int status = javac.run(null, null, System.err, arguments.toArray(String[]::new));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (status != 0) {
            throw new IllegalStateException("javac failed on the sources in " + files.get(0).getParent()
                    + " (processor " + processor + ")");
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

    /**
     * {@code copies} copies of the sample's classes, in packages {@code bench.sample.p<i>}. So that
     * they compile without the processor, references to generated code become what they stand
     * for: {@code ReservationEvents.CHECKIN_DUE} the name {@code "checkin_due"}, and
     * {@code SmartLockSetupSteps.SEND_TO_LOCK} a constant of an enum declared in the workflow.
     */
    static List<Path> writeSampleCopies(Path root, int copies) throws IOException {
        Map<String, String> originals = new LinkedHashMap<>();
        for (String name : SAMPLE_CLASSES) {
            String resource = "/sample-sources/dev/aifirst/sample/" + name + ".java";
            try (InputStream in = CompileBench.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the bench's class path has no " + resource
                            + "; build it with Maven, which copies the sample's sources there");
                }
                originals.put(name, withoutGeneratedReferences(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            String pkg = "p" + i;
            Path dir = Files.createDirectories(root.resolve("src/bench/sample/" + pkg));
            for (Map.Entry<String, String> original : originals.entrySet()) {
                String text = original.getValue()
                        .replace("package dev.aifirst.sample;", "package bench.sample." + pkg + ";")
                        .replace("@Workflow(name = \"", "@Workflow(name = \"" + pkg + "_");
                files.add(write(dir, original.getKey(), text));
            }
        }
        return files;
    }

    static String withoutGeneratedReferences(String className, String source) {
        String text = EVENT_CONSTANT.matcher(source)
                .replaceAll(match -> "\"" + match.group(1).toLowerCase(Locale.ROOT) + "\"");
        Set<String> steps = new TreeSet<>();
        Matcher stepConstants = STEP_CONSTANT.matcher(text);
        while (stepConstants.find()) {
            steps.add(stepConstants.group(1));
        }
        if (steps.isEmpty()) {
            return text;
        }
        text = STEP_CONSTANT.matcher(text).replaceAll("Next.$1");
        String declaration = "public class " + className;
        int body = text.indexOf('{', text.indexOf(declaration)) + 1;
        return text.substring(0, body) + "\n    enum Next implements dev.aifirst.workflows.WorkflowStep {\n        "
                + String.join(", ", steps) + ";\n\n        public String stepName() {\n            return name();\n"
                + "        }\n    }\n" + text.substring(body);
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
