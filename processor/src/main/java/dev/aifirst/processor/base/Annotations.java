package dev.aifirst.processor.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Reads annotations as mirrors. The processor never loads the annotation classes' values through
 * {@code getAnnotation}: mirrors keep the source positions that diagnostics point at, and they work
 * when a value refers to a constant of a class that is generated in a later round.
 */
public final class Annotations {

    private Annotations() {
    }

    /** The mirror of the annotation {@code qualifiedName} on {@code element}, if present. */
    public static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(qualifiedName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /** The value written for {@code member}, or {@code null} when the default applies. */
    public static AnnotationValue explicitValue(AnnotationMirror mirror, String member) {
        if (mirror == null || member == null) {
            return null;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The value of {@code member}, written or default. */
    public static AnnotationValue value(Elements elements, AnnotationMirror mirror, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return entry.getValue();
            }
        }
        throw new IllegalArgumentException(mirror.getAnnotationType() + " has no member " + member);
    }

    public static String string(Elements elements, AnnotationMirror mirror, String member) {
        return (String) value(elements, mirror, member).getValue();
    }

    public static int integer(Elements elements, AnnotationMirror mirror, String member) {
        return (Integer) value(elements, mirror, member).getValue();
    }

    public static double decimal(Elements elements, AnnotationMirror mirror, String member) {
        return ((Number) value(elements, mirror, member).getValue()).doubleValue();
    }

    public static boolean bool(Elements elements, AnnotationMirror mirror, String member) {
        return (Boolean) value(elements, mirror, member).getValue();
    }

    public static AnnotationMirror annotation(Elements elements, AnnotationMirror mirror, String member) {
        return (AnnotationMirror) value(elements, mirror, member).getValue();
    }

    /** The elements of an array-valued member, as their annotation values. */
    @SuppressWarnings("unchecked")
    public static List<AnnotationValue> array(Elements elements, AnnotationMirror mirror, String member) {
        Object value = value(elements, mirror, member).getValue();
        return new ArrayList<>((List<AnnotationValue>) value);
    }

    public static List<String> strings(Elements elements, AnnotationMirror mirror, String member) {
        List<String> strings = new ArrayList<>();
        for (AnnotationValue value : array(elements, mirror, member)) {
            strings.add((String) value.getValue());
        }
        return strings;
    }

    /** The simple names of the enum constants of an array-valued member. */
    public static List<String> enumNames(Elements elements, AnnotationMirror mirror, String member) {
        List<String> names = new ArrayList<>();
        for (AnnotationValue value : array(elements, mirror, member)) {
            names.add(((VariableElement) value.getValue()).getSimpleName().toString());
        }
        return names;
    }
}
