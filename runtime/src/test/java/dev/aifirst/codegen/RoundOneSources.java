package dev.aifirst.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Writes sources in the first round of a compilation, once, the way another code generator would:
 * for tests of classes that appear only after the first round.
 */
@SupportedAnnotationTypes("*")
final class RoundOneSources extends AbstractProcessor {

    private final Map<String, String> sources;
    private boolean written;

    /** @param sources source text by qualified class name */
    RoundOneSources(Map<String, String> sources) {
        this.sources = new LinkedHashMap<>(sources);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (written) {
            return false;
        }
        written = true;
        for (Map.Entry<String, String> source : sources.entrySet()) {
            try (Writer writer = processingEnv.getFiler().createSourceFile(source.getKey()).openWriter()) {
                writer.write(source.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }
}
