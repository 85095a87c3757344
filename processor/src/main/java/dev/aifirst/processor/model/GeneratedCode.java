package dev.aifirst.processor.model;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.aifirst.processor.base.Diagnostics;
import dev.aifirst.processor.base.Location;
import dev.aifirst.processor.base.Message;
import java.io.IOException;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.Elements;

/** What every generated source shares: the {@code @Generated} marker, formatting, writing. */
public final class GeneratedCode {

    public static final String PROCESSOR = "dev.aifirst.processor.AiFirstProcessor";

    private GeneratedCode() {
    }

    /**
     * {@code @Generated("dev.aifirst.processor.AiFirstProcessor")}, without a date so that output is
     * reproducible; {@code null} when compiling for a release without {@code javax.annotation.processing.Generated}.
     */
    public static AnnotationSpec generatedAnnotation(Elements elements) {
        if (elements.getTypeElement("javax.annotation.processing.Generated") == null) {
            return null;
        }
        return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
                .addMember("value", "$S", PROCESSOR)
                .build();
    }

    /**
     * {@code private static T missingInstance()}: the fallback that generated code hands to
     * {@code Instances.get} for a class without a no-argument constructor, failing with what to do.
     */
    public static MethodSpec missingInstance(ClassName target) {
        return MethodSpec.methodBuilder("missingInstance")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(target)
                .addStatement("throw new $T($S)", IllegalStateException.class, target.simpleName()
                        + " has no no-argument constructor: supply its instance with AiFirst.builder().instances(...)")
                .build();
    }

    /** Writes {@code type} into {@code packageName}, reporting a failure on {@code origin}. */
    public static void write(Filer filer, Diagnostics diagnostics, String packageName, TypeSpec type, Element origin) {
        JavaFile file = JavaFile.builder(packageName, type)
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
        try {
            file.writeTo(filer);
        } catch (IOException e) {
            diagnostics.report(Message.CANNOT_WRITE_SOURCE, Location.of(origin), packageName + "." + type.name(),
                    e.getMessage());
        }
    }
}
