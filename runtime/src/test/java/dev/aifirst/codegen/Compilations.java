package dev.aifirst.codegen;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.aifirst.processor.AiFirstProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiles users' sources with the processor, against the runtime on the test class path. */
final class Compilations {

    private Compilations() {
    }

    static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new AiFirstProcessor()).compile(sources);
    }

    /** A source from this module's test sources, e.g. {@code dev/aifirst/events/fixtures/Booking.java}. */
    static JavaFileObject testSource(String path) {
        try {
            Path file = Path.of("src/test/java", path);
            String name = path.replace('/', '.').replaceAll("\\.java$", "");
            return JavaFileObjects.forSourceString(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JavaFileObject source(String qualifiedName, String text) {
        return JavaFileObjects.forSourceString(qualifiedName, text);
    }

    /** The text of a generated source file. */
    static String generated(Compilation compilation, String qualifiedName) {
        JavaFileObject file = compilation.generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName));
        return contents(file);
    }

    /** The text of a generated resource, e.g. {@code META-INF/services/dev.aifirst.spi.EntityEvents}. */
    static String resource(Compilation compilation, String path) {
        JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path)
                .orElseThrow(() -> new AssertionError("no generated resource " + path));
        return contents(file);
    }

    static String golden(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/golden", name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contents(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
