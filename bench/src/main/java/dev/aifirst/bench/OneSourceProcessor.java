package dev.aifirst.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * The least a source-generating processor can do: write one empty class in the first round. What
 * javac spends on it (the rounds, entering every source again in each) is the floor under the cost
 * of any such processor, ours included.
 */
@SupportedAnnotationTypes("*")
public final class OneSourceProcessor extends AbstractProcessor {

    private boolean written;

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (!written) {
            written = true;
            try (Writer writer = processingEnv.getFiler().createSourceFile("bench.floor.Marker").openWriter()) {
                writer.write("package bench.floor;\n\npublic final class Marker {\n}\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }
}
