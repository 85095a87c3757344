package dev.aifirst.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports problems on the element, annotation and annotation value at fault, and remembers whether
 * any error was reported, so that a step generates nothing for a declaration that failed validation.
 * One instance per validated declaration.
 */
public final class Diagnostics {

    private final Messager messager;
    private int errors;

    public Diagnostics(Messager messager) {
        this.messager = messager;
    }

    public void error(Element element, String message) {
        report(Diagnostic.Kind.ERROR, element, null, null, message);
    }

    public void error(Element element, AnnotationMirror annotation, String message) {
        report(Diagnostic.Kind.ERROR, element, annotation, null, message);
    }

    /**
     * Reports an error on one value of an annotation. {@code member} names the annotation member;
     * when the member is not written explicitly (its default applies), the annotation is reported.
     */
    public void error(Element element, AnnotationMirror annotation, String member, String message) {
        report(Diagnostic.Kind.ERROR, element, annotation, Annotations.explicitValue(annotation, member), message);
    }

    public void warning(Element element, AnnotationMirror annotation, String member, String message) {
        report(Diagnostic.Kind.WARNING, element, annotation, Annotations.explicitValue(annotation, member), message);
    }

    /** Whether an error was reported through this instance. */
    public boolean failed() {
        return errors > 0;
    }

    /** How many errors were reported through this instance; compare counts to tell if a part failed. */
    public int errorCount() {
        return errors;
    }

    private void report(Diagnostic.Kind kind, Element element, AnnotationMirror annotation, AnnotationValue value,
            String message) {
        if (kind == Diagnostic.Kind.ERROR) {
            errors++;
        }
        if (value != null) {
            messager.printMessage(kind, message, element, annotation, value);
        } else if (annotation != null) {
            messager.printMessage(kind, message, element, annotation);
        } else {
            messager.printMessage(kind, message, element);
        }
    }
}
