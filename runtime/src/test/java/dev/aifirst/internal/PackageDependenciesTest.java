package dev.aifirst.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, read from its imports: the internal packages and the processor's packages
 * depend on each other without cycles, the generated code's contract knows no internals, and the
 * public API reaches into the internals only through its three entry points.
 */
class PackageDependenciesTest {

    private static final Path RUNTIME = Path.of("src/main/java");
    private static final Path PROCESSOR = Path.of("../processor/src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(dev\\.aifirst(?:\\.[a-z]\\w*)*)\\.[A-Z]",
            Pattern.MULTILINE);

    /** The public classes that wire, or hand work to, the internals: the composition root and two facades. */
    private static final Set<String> ENTRY_POINTS = Set.of("dev/aifirst/AiFirst.java",
            "dev/aifirst/events/Claims.java", "dev/aifirst/testing/TimeMachine.java");

    @Test
    void theRuntimesInternalPackagesHaveNoCycle() throws IOException {
        Map<String, Set<String>> graph = dependencies(RUNTIME, "dev.aifirst.internal");
        assertThat(graph).as("the internal packages").containsKeys("dev.aifirst.internal.events",
                "dev.aifirst.internal.workflows", "dev.aifirst.internal.persistence", "dev.aifirst.internal.scheduling");
        assertThat(cycles(graph)).as("package cycles among " + graph).isEmpty();
    }

    @Test
    void theProcessorsPackagesHaveNoCycle() throws IOException {
        Map<String, Set<String>> graph = dependencies(PROCESSOR, "dev.aifirst.processor");
        assertThat(graph).as("the processor's packages").containsKeys("dev.aifirst.processor.base",
                "dev.aifirst.processor.events", "dev.aifirst.processor.workflows");
        assertThat(cycles(graph)).as("package cycles among " + graph).isEmpty();
    }

    @Test
    void onlyTheEntryPointsOfThePublicApiImportInternals() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RUNTIME)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = RUNTIME.relativize(file).toString().replace('\\', '/');
                if (relative.startsWith("dev/aifirst/internal/") || ENTRY_POINTS.contains(relative)) {
                    continue;
                }
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    if (imports.group(1).startsWith("dev.aifirst.internal")) {
                        offenders.add(relative + " imports " + imports.group(1));
                    }
                }
            }
        }
        assertThat(offenders).as("public and SPI classes that reach into dev.aifirst.internal").isEmpty();
    }

    /** For each package under {@code root}: the packages under {@code root} its classes import. */
    private static Map<String, Set<String>> dependencies(Path sources, String root) throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher declared = PACKAGE.matcher(text);
                if (!declared.find() || !within(declared.group(1), root)) {
                    continue;
                }
                String from = declared.group(1);
                Set<String> to = graph.computeIfAbsent(from, p -> new TreeSet<>());
                Matcher imports = IMPORT.matcher(text);
                while (imports.find()) {
                    String target = imports.group(1);
                    if (within(target, root) && !target.equals(from)) {
                        to.add(target);
                    }
                }
            }
        }
        return graph;
    }

    private static boolean within(String pkg, String root) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }

    /** Every package that can reach itself again through its imports. */
    private static Set<String> cycles(Map<String, Set<String>> graph) {
        Set<String> cyclic = new TreeSet<>();
        for (String start : graph.keySet()) {
            List<String> todo = new ArrayList<>(graph.getOrDefault(start, Set.of()));
            Set<String> seen = new TreeSet<>();
            while (!todo.isEmpty()) {
                String next = todo.remove(todo.size() - 1);
                if (next.equals(start)) {
                    cyclic.add(start);
                    break;
                }
                if (seen.add(next)) {
                    todo.addAll(graph.getOrDefault(next, Set.of()));
                }
            }
        }
        return cyclic;
    }
}
