package dev.aifirst.processor.base;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;

/**
 * A step that handles one class at a time, and defers a class whose types are not resolved yet
 * (because another processor, or this one, generates them in a later round) to the next round. In
 * the last round every class is processed as it is, so that javac reports what is still missing.
 */
public abstract class DeferringStep implements ProcessingStep {

    protected final ProcessingContext context;
    /** The classes deferred to the next round, by qualified name: elements do not survive a round. */
    private final Set<String> deferred = new LinkedHashSet<>();

    protected DeferringStep(ProcessingContext context) {
        this.context = context;
    }

    @Override
    public final void process(RoundEnvironment round) {
        Map<String, TypeElement> classes = new LinkedHashMap<>();
        for (String name : deferred) {
            TypeElement type = context.elements().getTypeElement(name);
            if (type != null) {
                classes.put(name, type);
            }
        }
        deferred.clear();
        for (TypeElement type : classesIn(round)) {
            classes.putIfAbsent(type.getQualifiedName().toString(), type);
        }
        beforeClasses(round);
        for (TypeElement type : classes.values()) {
            if (!round.processingOver() && !isResolved(type)) {
                deferred.add(type.getQualifiedName().toString());
                continue;
            }
            process(type);
        }
    }

    /** The classes this step handles among those annotated in {@code round}. */
    protected abstract Set<TypeElement> classesIn(RoundEnvironment round);

    /** Checks that need no class, such as annotations used where they do not belong; none by default. */
    protected void beforeClasses(RoundEnvironment round) {
    }

    /** Whether everything the step reads from {@code type} is resolved. */
    protected abstract boolean isResolved(TypeElement type);

    /** Validates one class and, when its report is clean, generates its code. */
    protected abstract void process(TypeElement type);

    /** The elements annotated with {@code annotation} in {@code round}; none when it is not on the class path. */
    protected Set<? extends javax.lang.model.element.Element> annotatedWith(RoundEnvironment round, String annotation) {
        TypeElement type = context.elements().getTypeElement(annotation);
        return type == null ? Set.of() : round.getElementsAnnotatedWith(type);
    }
}
