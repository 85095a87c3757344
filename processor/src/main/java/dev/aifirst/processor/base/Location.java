package dev.aifirst.processor.base;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Where a diagnostic points: an element, optionally one of its annotations, optionally one value of
 * that annotation, or an expression inside the element's body. javac underlines the most precise of
 * them.
 *
 * @param element the element at fault
 * @param annotation the annotation at fault, or {@code null}
 * @param value the annotation value at fault, or {@code null}
 * @param expression the expression at fault inside {@code element}'s body, or {@code null}
 */
public record Location(Element element, AnnotationMirror annotation, AnnotationValue value, Expression expression) {

    /**
     * An expression in a method body, which elements cannot name. Only the compiler's tree API can
     * point at one, so whoever found it through that API prints there; this package stays free of it.
     */
    public interface Expression {

        void print(Diagnostic.Kind kind, String text);
    }

    public Location(Element element, AnnotationMirror annotation, AnnotationValue value) {
        this(element, annotation, value, null);
    }

    public static Location of(Element element) {
        return new Location(element, null, null);
    }

    public static Location of(Element element, AnnotationMirror annotation) {
        return new Location(element, annotation, null);
    }

    /**
     * One member of an annotation; when the member is not written explicitly (its default applies),
     * the annotation itself.
     */
    public static Location of(Element element, AnnotationMirror annotation, String member) {
        return new Location(element, annotation, Annotations.explicitValue(annotation, member));
    }

    /** An expression in the body of {@code element}, such as one argument of a call. */
    public static Location of(Element element, Expression expression) {
        return new Location(element, null, null, expression);
    }
}
