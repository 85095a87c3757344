package dev.aifirst.processor.handlers;

import com.palantir.javapoet.ClassName;
import dev.aifirst.processor.base.Annotations;
import dev.aifirst.processor.base.Message;
import dev.aifirst.processor.base.ValidationReport;
import dev.aifirst.processor.handlers.HandlerClassModel.Handler;
import dev.aifirst.processor.model.DurationSpec;
import dev.aifirst.processor.model.NamespaceSpec;
import dev.aifirst.processor.model.RetrySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads and checks the {@code @OnEvent} methods of one class, reporting each problem on the method,
 * parameter or annotation member at fault.
 */
final class OnEventReader {

    static final String ON_EVENT = "dev.aifirst.annotations.OnEvent";
    private static final String EVENT_CONTEXT = "dev.aifirst.events.EventContext";

    private final Elements elements;
    private final ValidationReport report;

    OnEventReader(Elements elements, ValidationReport report) {
        this.elements = elements;
        this.report = report;
    }

    /** The {@code @OnEvent} methods of {@code type}, in declaration order. */
    static List<ExecutableElement> handlerMethods(TypeElement type) {
        return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(method -> Annotations.find(method, ON_EVENT).isPresent())
                .toList();
    }

    /** The model of {@code type}'s handlers, or empty after reporting why there is none. */
    Optional<HandlerClassModel> read(TypeElement type) {
        List<ExecutableElement> methods = handlerMethods(type);
        if (type.getKind() != ElementKind.CLASS
                || type.getModifiers().contains(Modifier.PRIVATE)
                || (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC))
                || type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            for (ExecutableElement method : methods) {
                report.report(Message.HANDLER_CLASS_NOT_REACHABLE, method, Annotations.find(method, ON_EVENT).orElseThrow());
            }
            return Optional.empty();
        }
        List<Handler> handlers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ExecutableElement method : methods) {
            if (!names.add(method.getSimpleName().toString())) {
                report.report(Message.HANDLER_DUPLICATE_NAME, method, Annotations.find(method, ON_EVENT).orElseThrow(),
                        type.getSimpleName(), method.getSimpleName());
                continue;
            }
            Handler handler = readHandler(method, report.subreport(method));
            if (handler != null) {
                handlers.add(handler);
            }
        }
        if (!report.isClean()) {
            return Optional.empty();
        }
        handlers.sort(Comparator.comparing(Handler::method));
        ClassName target = ClassName.get(type);
        ClassName generated = ClassName.get(target.packageName(), String.join("_", target.simpleNames()) + "EventHandlers");
        return Optional.of(new HandlerClassModel(type, target, generated, constructible(type), List.copyOf(handlers)));
    }

    private Handler readHandler(ExecutableElement method, ValidationReport report) {
        AnnotationMirror annotation = Annotations.find(method, ON_EVENT).orElseThrow();
        String name = method.getSimpleName().toString();
        TypeElement entity = null;
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            report.report(Message.HANDLER_PRIVATE, method, name);
        }
        if (method.getReturnType().getKind() != TypeKind.VOID) {
            report.report(Message.HANDLER_RETURNS_VALUE, method, name, method.getReturnType(), name);
        }
        if (method.getParameters().size() != 1) {
            report.report(Message.HANDLER_PARAMETER_COUNT, method, name, method.getParameters().size(), name);
        } else {
            TypeMirror parameter = method.getParameters().get(0).asType();
            entity = entityOf(parameter);
            if (entity == null) {
                report.report(Message.HANDLER_PARAMETER_TYPE, method.getParameters().get(0), name, parameter, name);
            }
        }
        if (!method.getTypeParameters().isEmpty()) {
            report.report(Message.HANDLER_GENERIC, method, name, name);
        }
        String event = Annotations.string(elements, annotation, "value");
        if (event.isBlank()) {
            report.reportOnValue(Message.HANDLER_EVENT_MISSING, method, annotation, "value");
        }
        Duration offset = DurationSpec.read(elements, report, method, annotation, "offset", true);
        RetrySpec retry = RetrySpec.read(elements, report, method, Annotations.annotation(elements, annotation, "retry"),
                false);
        String namespace = NamespaceSpec.read(elements, report, method, annotation, "namespace");
        if (!report.isClean()) {
            return null;
        }
        boolean ignoresClaims = Annotations.bool(elements, annotation, "ignoresClaims");
        return new Handler(name, method.getModifiers().contains(Modifier.STATIC), ClassName.get(entity),
                entity.getQualifiedName().toString(), event, offset, retry, namespace, ignoresClaims);
    }

    /** The {@code E} of {@code EventContext<E>}, or {@code null} if the type is anything else. */
    private static TypeElement entityOf(TypeMirror parameter) {
        if (parameter.getKind() != TypeKind.DECLARED) {
            return null;
        }
        DeclaredType declared = (DeclaredType) parameter;
        TypeElement raw = (TypeElement) declared.asElement();
        if (!raw.getQualifiedName().contentEquals(EVENT_CONTEXT) || declared.getTypeArguments().size() != 1) {
            return null;
        }
        TypeMirror argument = declared.getTypeArguments().get(0);
        if (argument.getKind() != TypeKind.DECLARED) {
            return null;
        }
        return (TypeElement) ((DeclaredType) argument).asElement();
    }

    private static boolean constructible(TypeElement type) {
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            return false;
        }
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (constructor.getParameters().isEmpty() && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
                return true;
            }
        }
        return false;
    }
}
