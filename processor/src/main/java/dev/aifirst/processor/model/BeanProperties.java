package dev.aifirst.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the properties and methods of a class (its superclasses included) as code generated in the
 * class's own package can reach them: a getter ({@code getX()}, or {@code isX()} for a boolean) is
 * preferred, then the field itself.
 */
public final class BeanProperties {

    /**
     * How generated code reads one property.
     *
     * @param name the property's name
     * @param type its type
     * @param accessor the expression after {@code entity.}: {@code getCheckinAt()} or {@code checkinAt}
     * @param element the getter or field
     */
    public record Property(String name, TypeMirror type, String accessor, Element element) {
    }

    private final Elements elements;
    private final Types types;
    private final TypeElement type;
    private final PackageElement generatedPackage;

    public BeanProperties(Elements elements, Types types, TypeElement type) {
        this.elements = elements;
        this.types = types;
        this.type = type;
        this.generatedPackage = elements.getPackageOf(type);
    }

    /** The property {@code name}, if it has a getter or a field that generated code can read. */
    public Optional<Property> property(String name) {
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (TypeElement owner : hierarchy()) {
            for (Element member : owner.getEnclosedElements()) {
                if (member.getKind() != ElementKind.METHOD || !reachable(member)
                        || member.getModifiers().contains(Modifier.STATIC)) {
                    continue;
                }
                ExecutableElement method = (ExecutableElement) member;
                String methodName = method.getSimpleName().toString();
                TypeMirror returns = method.getReturnType();
                boolean getter = methodName.equals("get" + capitalized)
                        || (methodName.equals("is" + capitalized) && isBoolean(returns));
                if (getter && method.getParameters().isEmpty() && returns.getKind() != TypeKind.VOID) {
                    return Optional.of(new Property(name, returns, methodName + "()", method));
                }
            }
        }
        for (TypeElement owner : hierarchy()) {
            for (Element member : owner.getEnclosedElements()) {
                if (member.getKind() == ElementKind.FIELD && member.getSimpleName().contentEquals(name)
                        && !member.getModifiers().contains(Modifier.STATIC)) {
                    if (!reachable(member)) {
                        return Optional.empty();
                    }
                    return Optional.of(new Property(name, member.asType(), name, member));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a field named {@code name} exists but generated code cannot read it (private, no getter). */
    public boolean hasUnreachableField(String name) {
        for (TypeElement owner : hierarchy()) {
            for (Element member : owner.getEnclosedElements()) {
                if (member.getKind() == ElementKind.FIELD && member.getSimpleName().contentEquals(name)) {
                    return !reachable(member);
                }
            }
        }
        return false;
    }

    /** The instance methods named {@code name}, nearest class first. */
    public List<ExecutableElement> methods(String name) {
        List<ExecutableElement> found = new ArrayList<>();
        for (TypeElement owner : hierarchy()) {
            for (Element member : owner.getEnclosedElements()) {
                if (member.getKind() == ElementKind.METHOD && member.getSimpleName().contentEquals(name)) {
                    found.add((ExecutableElement) member);
                }
            }
        }
        return found;
    }

    /** The names of the class's methods without parameters, nearest class first. */
    public List<String> methodsWithoutParameters() {
        List<String> names = new ArrayList<>();
        for (TypeElement owner : hierarchy()) {
            for (Element member : owner.getEnclosedElements()) {
                if (member.getKind() == ElementKind.METHOD && ((ExecutableElement) member).getParameters().isEmpty()) {
                    names.add(member.getSimpleName().toString());
                }
            }
        }
        return names;
    }

    /** Whether code in the class's package can call or read {@code member}. */
    public boolean reachable(Element member) {
        if (member.getModifiers().contains(Modifier.PRIVATE)) {
            return false;
        }
        if (member.getModifiers().contains(Modifier.PUBLIC)) {
            return true;
        }
        // package-private or protected: only from the same package
        return elements.getPackageOf(member).equals(generatedPackage);
    }

    /** The fields and getters annotated with {@code annotation} (e.g. {@code jakarta.persistence.Id}). */
    public List<Element> annotatedMembers(String annotation) {
        List<Element> found = new ArrayList<>();
        for (TypeElement owner : hierarchy()) {
            for (Element member : owner.getEnclosedElements()) {
                if ((member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.METHOD)
                        && dev.aifirst.processor.base.Annotations.find(member, annotation).isPresent()) {
                    found.add(member);
                }
            }
        }
        return found;
    }

    public boolean isBoolean(TypeMirror mirror) {
        if (mirror.getKind() == TypeKind.BOOLEAN) {
            return true;
        }
        return mirror.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) mirror).asElement()).getQualifiedName().contentEquals("java.lang.Boolean");
    }

    /** The class and its superclasses up to (not including) {@code Object}. */
    private List<TypeElement> hierarchy() {
        List<TypeElement> chain = new ArrayList<>();
        TypeElement current = type;
        while (current != null && !current.getQualifiedName().contentEquals("java.lang.Object")) {
            chain.add(current);
            TypeMirror superclass = current.getSuperclass();
            current = superclass.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(superclass) : null;
        }
        return chain;
    }
}
