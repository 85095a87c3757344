package dev.aifirst.processor.model;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Tells whether javac has resolved the types a class refers to. A type that another processor
 * generates in a later round is an error type until then; a step defers such a class instead of
 * reporting a mistake the user did not make.
 */
public final class Resolution {

    private Resolution() {
    }

    /** Whether the class, its superclasses, and its fields' and methods' signatures are resolved. */
    public static boolean isResolved(Types types, TypeElement type) {
        TypeElement current = type;
        while (current != null) {
            for (Element member : current.getEnclosedElements()) {
                if (member.getKind() == ElementKind.FIELD && !isResolved(((VariableElement) member).asType())) {
                    return false;
                }
                if (member.getKind() == ElementKind.METHOD) {
                    ExecutableElement method = (ExecutableElement) member;
                    if (!isResolved(method.getReturnType())) {
                        return false;
                    }
                    for (VariableElement parameter : method.getParameters()) {
                        if (!isResolved(parameter.asType())) {
                            return false;
                        }
                    }
                }
            }
            TypeMirror superclass = current.getSuperclass();
            if (superclass.getKind() == TypeKind.ERROR) {
                return false;
            }
            current = superclass.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(superclass) : null;
        }
        return true;
    }

    public static boolean isResolved(TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            return false;
        }
        if (type.getKind() == TypeKind.DECLARED) {
            for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
                if (!isResolved(argument)) {
                    return false;
                }
            }
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return isResolved(((javax.lang.model.type.ArrayType) type).getComponentType());
        }
        return true;
    }

    /**
     * Whether an annotation value was resolved: javac reads a reference to a constant it cannot
     * resolve yet (a generated {@code ReservationEvents.CHECKIN_DUE}) as the text {@code <error>}.
     */
    public static boolean isResolvedValue(Object value) {
        return !"<error>".equals(String.valueOf(value));
    }
}
