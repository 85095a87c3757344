package dev.aifirst.processor.model;

import dev.aifirst.processor.base.Annotations;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * The nested {@code Context} of a workflow or an agent: the state the runtime stores as JSON, so
 * Jackson must be able to construct it.
 */
public final class ContextClasses {

    private static final String JSON_CREATOR = "com.fasterxml.jackson.annotation.JsonCreator";

    private ContextClasses() {
    }

    /** The nested class named {@code Context} of {@code type}, or {@code null}. */
    public static TypeElement find(TypeElement type) {
        return ElementFilter.typesIn(type.getEnclosedElements()).stream()
                .filter(t -> t.getSimpleName().contentEquals("Context")).findFirst().orElse(null);
    }

    /** Why Jackson cannot construct {@code context} ("is abstract"), or {@code null} when it can. */
    public static String problem(TypeElement context) {
        if (context.getKind() == ElementKind.RECORD) {
            return null;
        }
        if (context.getKind() != ElementKind.CLASS) {
            return "is " + context.getKind().toString().toLowerCase().replace('_', ' ');
        } else if (!context.getModifiers().contains(Modifier.STATIC)) {
            return "is an inner class; make it static";
        } else if (context.getModifiers().contains(Modifier.ABSTRACT)) {
            return "is abstract";
        } else if (context.getModifiers().contains(Modifier.PRIVATE)) {
            return "is private";
        }
        boolean constructible = ElementFilter.constructorsIn(context.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() || Annotations.find(c, JSON_CREATOR).isPresent());
        return constructible ? null : "has no no-argument constructor and no @JsonCreator constructor";
    }
}
