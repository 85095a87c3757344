package dev.aifirst.processor.base;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a diagnostic points: an element, optionally one of its annotations, optionally one value of
 * that annotation. javac underlines the most precise of them.
 *
 * @param element the element at fault
 * @param annotation the annotation at fault, or {@code null}
 * @param value the annotation value at fault, or {@code null}
 */
public record Location(Element element, AnnotationMirror annotation, AnnotationValue value) {

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
}
