package dev.aifirst.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the documentation true to the code. A code block in {@code README.md} or {@code docs/}
 * preceded by {@code <!-- from path/to/File.java -->} is an excerpt of that file (a path from the
 * project's root, e.g. a sample class or a source the processor generated for it): each of its
 * lines must appear in the file, in the same order, apart from lines that are just {@code ...}.
 */
class DocumentationTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern EXCERPT = Pattern.compile(
            "<!-- from (\\S+) -->\\s*\\n(\\s*)```java\\n(.*?)\\n\\s*```", Pattern.DOTALL);

    /** One marked code block: where it is, which file it quotes and its lines. */
    record Excerpt(String location, Path source, List<String> lines) {
    }

    @Test
    void everyMarkedExcerptQuotesItsSource() throws IOException {
        List<Excerpt> excerpts = excerpts();
        assertThat(excerpts).as("marked excerpts in README.md and docs/").hasSizeGreaterThanOrEqualTo(8);
        List<String> problems = new ArrayList<>();
        for (Excerpt excerpt : excerpts) {
            String problem = check(excerpt);
            if (problem != null) {
                problems.add(problem);
            }
        }
        assertThat(problems).as("excerpts that differ from their source").isEmpty();
    }

    private static List<Excerpt> excerpts() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<Excerpt> excerpts = new ArrayList<>();
        for (Path page : pages) {
            String text = Files.readString(page);
            Matcher matcher = EXCERPT.matcher(text);
            while (matcher.find()) {
                int line = (int) text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
                excerpts.add(new Excerpt(ROOT.relativize(page) + ":" + line, ROOT.resolve(matcher.group(1)),
                        matcher.group(3).lines().toList()));
            }
        }
        return excerpts;
    }

    /** Null when every line of the excerpt is found in the source after the previous one. */
    private static String check(Excerpt excerpt) throws IOException {
        if (!Files.exists(excerpt.source())) {
            return excerpt.location() + ": no file " + ROOT.relativize(excerpt.source());
        }
        List<String> source = Files.readAllLines(excerpt.source()).stream().map(String::strip).toList();
        int position = 0;
        for (String line : excerpt.lines()) {
            String wanted = line.strip();
            if (wanted.isEmpty() || wanted.equals("...")) {
                continue;
            }
            int found = indexOf(source, wanted, position);
            if (found < 0) {
                return excerpt.location() + ": \"" + wanted + "\" is not in " + ROOT.relativize(excerpt.source())
                        + (indexOf(source, wanted, 0) >= 0 ? " after the excerpt's previous line" : "");
            }
            position = found + 1;
        }
        return null;
    }

    private static int indexOf(List<String> lines, String wanted, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
