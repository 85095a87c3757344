package dev.aifirst.processor.handlers;

import com.palantir.javapoet.ClassName;
import dev.aifirst.processor.Annotations;
import dev.aifirst.processor.Diagnostics;
import dev.aifirst.processor.EventCatalog;
import dev.aifirst.processor.EventCatalog.DeclaredEvent;
import dev.aifirst.processor.ProcessingContext;
import dev.aifirst.processor.ProcessingStep;
import dev.aifirst.processor.handlers.HandlerClassModel.Handler;
import dev.aifirst.processor.model.DurationSpec;
import dev.aifirst.processor.model.GeneratedCode;
import dev.aifirst.processor.model.Resolution;
import dev.aifirst.processor.model.RetrySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * {@code @OnEvent} methods: validates them, generates one {@code <Class>EventHandlers} dispatcher per
 * class, lists it in {@code META-INF/services/dev.aifirst.spi.EventHandlers}, and, once every entity
 * of the compilation is known, checks the event names they refer to.
 */
public final class OnEventStep implements ProcessingStep {

    static final String ON_EVENT = "dev.aifirst.annotations.OnEvent";
    private static final String EVENT_CONTEXT = "dev.aifirst.events.EventContext";
    private static final String SERVICE = "dev.aifirst.spi.EventHandlers";

    /**
     * A handler's reference to an event, checked against the catalog in the last round. Elements are
     * kept by name: those of an earlier round no longer carry their source position.
     */
    private record Reference(String className, String methodName, String entity, String event, Duration offset) {
    }

    private final ProcessingContext context;
    private final Set<String> deferred = new LinkedHashSet<>();
    private final List<Reference> references = new ArrayList<>();

    public OnEventStep(ProcessingContext context) {
        this.context = context;
    }

    @Override
    public Set<String> annotationTypes() {
        return Set.of(ON_EVENT);
    }

    @Override
    public void process(RoundEnvironment round) {
        Map<String, TypeElement> classes = new LinkedHashMap<>();
        for (String name : deferred) {
            TypeElement type = context.elements().getTypeElement(name);
            if (type != null) {
                classes.put(name, type);
            }
        }
        deferred.clear();
        TypeElement onEvent = context.elements().getTypeElement(ON_EVENT);
        if (onEvent != null) {
            for (Element method : round.getElementsAnnotatedWith(onEvent)) {
                Element owner = method.getEnclosingElement();
                if (owner instanceof TypeElement type) {
                    classes.putIfAbsent(type.getQualifiedName().toString(), type);
                }
            }
        }
        for (TypeElement type : classes.values()) {
            if (!round.processingOver() && !resolved(type)) {
                deferred.add(type.getQualifiedName().toString());
                continue;
            }
            process(type);
        }
    }

    /** Whether the handler signatures and the {@code @OnEvent} values (often generated constants) are resolved. */
    private boolean resolved(TypeElement type) {
        for (ExecutableElement method : handlerMethods(type)) {
            for (var parameter : method.getParameters()) {
                if (!Resolution.isResolved(parameter.asType())) {
                    return false;
                }
            }
            AnnotationMirror annotation = Annotations.find(method, ON_EVENT).orElseThrow();
            var value = Annotations.explicitValue(annotation, "value");
            if (value == null || !Resolution.isResolvedValue(value.getValue())) {
                return false;
            }
        }
        return true;
    }

    private List<ExecutableElement> handlerMethods(TypeElement type) {
        return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(method -> Annotations.find(method, ON_EVENT).isPresent())
                .collect(Collectors.toList());
    }

    private void process(TypeElement type) {
        Diagnostics diagnostics = new Diagnostics(context.messager());
        List<ExecutableElement> methods = handlerMethods(type);
        if (type.getKind() != ElementKind.CLASS
                || type.getModifiers().contains(Modifier.PRIVATE)
                || (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC))
                || type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            for (ExecutableElement method : methods) {
                diagnostics.error(method, Annotations.find(method, ON_EVENT).orElseThrow(),
                        "@OnEvent methods belong in a class that is top-level or a static nested class, and not private,"
                                + " so that the generated dispatcher can call them");
            }
            return;
        }
        List<Handler> handlers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ExecutableElement method : methods) {
            if (!names.add(method.getSimpleName().toString())) {
                diagnostics.error(method, Annotations.find(method, ON_EVENT).orElseThrow(),
                        "two @OnEvent methods of " + type.getSimpleName() + " are named " + method.getSimpleName()
                                + "; a handler is identified by its method name, so give each its own");
                continue;
            }
            Handler handler = read(diagnostics, method);
            if (handler != null) {
                handlers.add(handler);
            }
        }
        if (diagnostics.failed()) {
            return;
        }
        handlers.sort(Comparator.comparing(Handler::method));
        ClassName target = ClassName.get(type);
        ClassName generated = ClassName.get(target.packageName(), String.join("_", target.simpleNames()) + "EventHandlers");
        HandlerClassModel model = new HandlerClassModel(type, target, generated, constructible(type), List.copyOf(handlers));
        EventHandlersWriter writer = new EventHandlersWriter(model, GeneratedCode.generatedAnnotation(context.elements()));
        GeneratedCode.write(context.filer(), context.messager(), generated.packageName(), writer.write(), type);
        context.services().add(SERVICE, generated.reflectionName());
    }

    private Handler read(Diagnostics diagnostics, ExecutableElement method) {
        AnnotationMirror annotation = Annotations.find(method, ON_EVENT).orElseThrow();
        int errorsBefore = diagnostics.errorCount();
        String name = method.getSimpleName().toString();
        String signature = "an @OnEvent method takes one EventContext<Entity> parameter and returns void, e.g. void "
                + name + "(EventContext<Reservation> event)";
        ClassName entity = null;
        String entityName = null;
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            diagnostics.error(method, "@OnEvent method " + name
                    + " is private; make it package-private or public so the generated dispatcher can call it");
        }
        if (method.getReturnType().getKind() != TypeKind.VOID) {
            diagnostics.error(method, "@OnEvent method " + name + " returns " + method.getReturnType()
                    + "; " + signature);
        }
        if (method.getParameters().size() != 1) {
            diagnostics.error(method, "@OnEvent method " + name + " takes " + method.getParameters().size()
                    + " parameters; " + signature);
        } else {
            TypeMirror parameter = method.getParameters().get(0).asType();
            TypeElement entityType = entityOf(parameter);
            if (entityType == null) {
                diagnostics.error(method.getParameters().get(0), "@OnEvent method " + name + " takes " + parameter + "; "
                        + signature);
            } else {
                entity = ClassName.get(entityType);
                entityName = entityType.getQualifiedName().toString();
            }
        }
        if (!method.getTypeParameters().isEmpty()) {
            diagnostics.error(method, "@OnEvent method " + name + " must not be generic; " + signature);
        }
        String event = Annotations.string(context.elements(), annotation, "value");
        if (event.isBlank()) {
            diagnostics.error(method, annotation, "value",
                    "@OnEvent needs an event name; use the generated constant, e.g. ReservationEvents.CHECKIN_DUE");
        }
        Duration offset = DurationSpec.read(context.elements(), diagnostics, method, annotation, "offset", true);
        AnnotationMirror retryMirror = Annotations.annotation(context.elements(), annotation, "retry");
        RetrySpec retry = RetrySpec.read(context.elements(), diagnostics, method, retryMirror, false);
        if (diagnostics.errorCount() != errorsBefore) {
            return null;
        }
        String className = ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
        references.add(new Reference(className, name, entityName, event, offset));
        boolean ignoresClaims = Annotations.bool(context.elements(), annotation, "ignoresClaims");
        return new Handler(name, method.getModifiers().contains(Modifier.STATIC), entity, event, offset, retry,
                ignoresClaims);
    }

    /** The {@code E} of {@code EventContext<E>}, or {@code null} if the type is anything else. */
    private TypeElement entityOf(TypeMirror parameter) {
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

    private boolean constructible(TypeElement type) {
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

    @Override
    public void finish() {
        EventCatalog catalog = context.eventCatalog();
        for (Reference reference : references) {
            ExecutableElement method = currentMethod(reference);
            if (method == null) {
                continue;
            }
            AnnotationMirror annotation = Annotations.find(method, ON_EVENT).orElseThrow();
            List<DeclaredEvent> matches = catalog.lookup(reference.event());
            if (catalog.knowsEntity(reference.entity())) {
                List<DeclaredEvent> own = matches.stream().filter(e -> e.entity().equals(reference.entity())).toList();
                if (own.isEmpty()) {
                    String known = catalog.eventsOf(reference.entity()).stream().map(DeclaredEvent::name)
                            .collect(Collectors.joining(", "));
                    context.messager().printMessage(Diagnostic.Kind.ERROR,
                            simpleName(reference.entity()) + " declares no event '" + reference.event()
                                    + "'; its events are: " + known,
                            method, annotation, Annotations.explicitValue(annotation, "value"));
                } else if (reference.offset() != null && reference.offset().isNegative()
                        && own.stream().noneMatch(DeclaredEvent::scheduled)) {
                    context.messager().printMessage(Diagnostic.Kind.WARNING,
                            "'" + reference.event() + "' is an immediate event, so the negative offset of "
                                    + reference.methodName() + " cannot run before it; it runs when the event occurs",
                            method, annotation, Annotations.explicitValue(annotation, "offset"));
                }
            } else if (matches.isEmpty()) {
                context.messager().printMessage(Diagnostic.Kind.WARNING,
                        "no entity in this compilation declares the event '" + reference.event() + "' that "
                                + reference.methodName() + " handles; check the name, or ignore this if "
                                + simpleName(reference.entity()) + " declares it in another module",
                        method, annotation, Annotations.explicitValue(annotation, "value"));
            }
        }
    }

    /** The handler method as this round sees it. */
    private ExecutableElement currentMethod(Reference reference) {
        TypeElement type = context.elements().getTypeElement(reference.className());
        if (type == null) {
            return null;
        }
        for (ExecutableElement method : handlerMethods(type)) {
            if (method.getSimpleName().contentEquals(reference.methodName())) {
                return method;
            }
        }
        return null;
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
