package dev.aifirst.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.aifirst.processor.base.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The catalogue of diagnostics: ids are unique and well formed, and every message is asserted by a
 * test (here, or in the runtime module for checks that need generated code) or is listed below with
 * the reason it is not.
 */
class MessageCatalogueTest {

    private static final Pattern ID = Pattern.compile("AIF-[EW]\\d{3}");

    /** Messages no test provokes, and why. */
    private static final Map<Message, String> UNTESTED = Map.of(
            Message.CANNOT_WRITE_SOURCE, "needs a Filer that fails to write; only an I/O failure causes it",
            Message.CANNOT_WRITE_SERVICES, "needs a Filer that fails to write; only an I/O failure causes it",
            Message.PROCESSOR_FAILED, "reports a defect of the processor itself, which no input should provoke");

    /** Where tests that assert diagnostics live, relative to this module. */
    private static final List<Path> TEST_SOURCES = List.of(Path.of("src/test/java"),
            Path.of("../runtime/src/test/java/dev/aifirst/codegen"));

    @Test
    void idsAreUniqueAndWellFormed() {
        Map<String, Message> byId = new HashMap<>();
        for (Message message : Message.values()) {
            assertWithMessage("id of %s", message).that(message.id()).matches(ID);
            Message other = byId.putIfAbsent(message.id(), message);
            assertWithMessage("%s and %s share the id %s", other, message, message.id()).that(other).isNull();
            Diagnostic.Kind kind = message.id().startsWith("AIF-E") ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
            assertThat(message.kind()).isEqualTo(kind);
            assertWithMessage("text of %s", message).that(message.format()).isNotEmpty();
        }
    }

    @Test
    void textStartsWithTheTag() {
        assertThat(Message.NO_EVENT.text("Stay")).isEqualTo("[AIF-E006] @Events on Stay declares no @Event");
    }

    @Test
    void everyMessageIsAssertedByATestOrJustified() {
        String tests = testSources();
        List<Message> untested = new ArrayList<>();
        for (Message message : Message.values()) {
            boolean asserted = tests.contains("Message." + message.name()) || tests.contains(message.id());
            if (!asserted && !UNTESTED.containsKey(message)) {
                untested.add(message);
            }
            if (asserted) {
                assertWithMessage("%s is tested; remove it from UNTESTED", message)
                        .that(UNTESTED.containsKey(message)).isFalse();
            }
        }
        assertWithMessage("messages no test asserts; add a test, or say in UNTESTED why there is none")
                .that(untested).isEmpty();
    }

    private static String testSources() {
        StringBuilder text = new StringBuilder();
        for (Path root : TEST_SOURCES) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (!file.getFileName().toString().equals("MessageCatalogueTest.java")) {
                        text.append(Files.readString(file, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }
}
