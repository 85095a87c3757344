package dev.aifirst.processor.model;

import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Questions about the declared types of parameters: is it this class, and what is its type argument. */
public final class DeclaredTypes {

    private DeclaredTypes() {
    }

    /** Whether {@code type} is the class {@code qualifiedName} (with any type arguments). */
    public static boolean isType(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    /** The {@code E} of {@code <qualifiedName><E>} with a declared {@code E}, else {@code null}. */
    public static TypeElement typeArgument(TypeMirror type, String qualifiedName) {
        if (!isType(type, qualifiedName)) {
            return null;
        }
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        if (arguments.size() != 1 || arguments.get(0).getKind() != TypeKind.DECLARED) {
            return null;
        }
        return (TypeElement) ((DeclaredType) arguments.get(0)).asElement();
    }

    /** The {@code E} of {@code List<Outer<E>>}, such as the entity of {@code List<EventContext<E>>}, else {@code null}. */
    public static TypeElement listElementArgument(TypeMirror type, String outerQualifiedName) {
        if (!isType(type, "java.util.List")) {
            return null;
        }
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        return arguments.size() == 1 ? typeArgument(arguments.get(0), outerQualifiedName) : null;
    }

    /** {@code type}, boxed if it is primitive: {@code long} and {@code Long} compare equal after it. */
    public static TypeMirror boxed(Types types, TypeMirror type) {
        return type.getKind().isPrimitive() ? types.boxedClass(types.getPrimitiveType(type.getKind())).asType() : type;
    }
}
