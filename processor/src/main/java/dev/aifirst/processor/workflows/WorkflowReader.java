package dev.aifirst.processor.workflows;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.aifirst.processor.Annotations;
import dev.aifirst.processor.Diagnostics;
import dev.aifirst.processor.model.BeanProperties;
import dev.aifirst.processor.model.BeanProperties.Property;
import dev.aifirst.processor.model.DurationSpec;
import dev.aifirst.processor.model.Names;
import dev.aifirst.processor.model.RetrySpec;
import dev.aifirst.processor.workflows.WorkflowModel.Input;
import dev.aifirst.processor.workflows.WorkflowModel.StepModel;
import dev.aifirst.processor.workflows.WorkflowModel.WaitModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads and checks one {@code @Workflow} class, reporting each problem on the element at fault. */
final class WorkflowReader {

    static final String WORKFLOW = "dev.aifirst.annotations.Workflow";
    static final String STEP = "dev.aifirst.annotations.Step";
    static final String WAIT_FOR_EVENT = "dev.aifirst.annotations.WaitForEvent";
    static final String ON_FAIL = "dev.aifirst.annotations.OnFail";
    static final String FLOW = "dev.aifirst.Flow";
    static final String EVENT_CONTEXT = "dev.aifirst.events.EventContext";
    static final String SIGNAL_PAYLOAD = "dev.aifirst.workflows.SignalPayload";
    static final String SUBFLOW_RESULT = "dev.aifirst.workflows.SubflowResult";
    static final String STEP_CONTEXT = "dev.aifirst.workflows.StepContext";
    static final String WORKFLOW_FAILURE = "dev.aifirst.workflows.WorkflowFailure";
    private static final String JSON_CREATOR = "com.fasterxml.jackson.annotation.JsonCreator";

    private final ProcessingEnvironment env;
    private final Elements elements;
    private final Types types;
    private final Diagnostics diagnostics;

    WorkflowReader(ProcessingEnvironment env, Diagnostics diagnostics) {
        this.env = env;
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        this.diagnostics = diagnostics;
    }

    Optional<WorkflowModel> read(TypeElement type) {
        AnnotationMirror workflow = Annotations.find(type, WORKFLOW).orElseThrow();
        if (type.getKind() != ElementKind.CLASS || type.getModifiers().contains(Modifier.ABSTRACT)) {
            diagnostics.error(type, workflow, "@Workflow belongs on a concrete class with @Step methods");
            return Optional.empty();
        }
        if (type.getModifiers().contains(Modifier.PRIVATE)
                || (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC))
                || type.getNestingKind() == NestingKind.LOCAL) {
            diagnostics.error(type, workflow, "the workflow " + type.getSimpleName()
                    + " must be a top-level or static nested class that is not private, so its generated state machine can call it");
            return Optional.empty();
        }
        String name = Annotations.string(elements, workflow, "name");
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            diagnostics.error(type, workflow, "name", "a workflow needs a name without whitespace, e.g. \"smart_lock_setup\"");
        }
        int version = Annotations.integer(elements, workflow, "version");
        if (version < 1) {
            diagnostics.error(type, workflow, "version", "version must be at least 1, was " + version);
        }
        String on = Annotations.string(elements, workflow, "on");
        Duration offset = DurationSpec.read(elements, diagnostics, type, workflow, "offset", true);
        if (offset != null && !offset.isZero() && on.isEmpty()) {
            diagnostics.error(type, workflow, "offset", "offset applies to workflows that start on an event; set 'on',"
                    + " or leave the offset out");
        }
        Duration debounce = Duration.ZERO;
        if (!Annotations.string(elements, workflow, "debounce").isEmpty()) {
            debounce = DurationSpec.read(elements, diagnostics, type, workflow, "debounce", false);
            if (on.isEmpty() && debounce != null) {
                diagnostics.error(type, workflow, "debounce", "debounce groups the events that start runs; it needs 'on'");
            }
        }
        RetrySpec retry = RetrySpec.read(elements, diagnostics, type, Annotations.annotation(elements, workflow, "retry"), false);

        TypeElement context = readContext(type, workflow);
        ClassName triggerEntity = null;
        boolean createContext = false;
        ExecutableElement factory = findCreateContext(type);
        if (factory != null && context != null) {
            triggerEntity = readCreateContext(factory, context);
            createContext = triggerEntity != null;
        }
        if (!on.isEmpty() && factory == null && context != null) {
            diagnostics.error(type, workflow, "on", "a workflow that starts on an event creates its context from it:"
                    + " declare static " + context.getSimpleName() + " createContext(EventContext<Entity> event) in "
                    + type.getSimpleName());
        }

        List<ExecutableElement> stepMethods = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(m -> Annotations.find(m, STEP).isPresent()).collect(Collectors.toList());
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (Annotations.find(method, WAIT_FOR_EVENT).isPresent() && Annotations.find(method, STEP).isEmpty()) {
                diagnostics.error(method, Annotations.find(method, WAIT_FOR_EVENT).get(),
                        "@WaitForEvent belongs on a @Step method; add @Step to " + method.getSimpleName());
            }
        }
        if (stepMethods.isEmpty()) {
            diagnostics.error(type, workflow, "the workflow " + type.getSimpleName() + " has no @Step method");
            return Optional.empty();
        }
        Map<String, ExecutableElement> byName = new LinkedHashMap<>();
        for (ExecutableElement method : stepMethods) {
            if (byName.putIfAbsent(method.getSimpleName().toString(), method) != null) {
                diagnostics.error(method, Annotations.find(method, STEP).get(), "two @Step methods of "
                        + type.getSimpleName() + " are named " + method.getSimpleName()
                        + "; a step is identified by its method name, so give each its own");
            }
        }
        List<ExecutableElement> starts = stepMethods.stream()
                .filter(m -> Annotations.bool(elements, Annotations.find(m, STEP).get(), "start")).toList();
        if (starts.isEmpty()) {
            diagnostics.error(type, workflow, "the workflow " + type.getSimpleName() + " has no start step: mark the"
                    + " step its runs begin with @Step(start = true)");
        }
        for (ExecutableElement extra : starts.stream().skip(1).toList()) {
            diagnostics.error(extra, Annotations.find(extra, STEP).get(), "start", "the workflow "
                    + type.getSimpleName() + " already starts with " + starts.get(0).getSimpleName()
                    + "; only one step may have start = true");
        }
        List<StepModel> steps = new ArrayList<>();
        for (ExecutableElement method : byName.values()) {
            StepModel step = readStep(type, method, context, retry, byName, on.isEmpty());
            if (step != null) {
                steps.add(step);
            }
        }
        String onFail = readOnFail(type, context);
        if (diagnostics.failed() || context == null) {
            return Optional.empty();
        }
        steps.sort((a, b) -> Boolean.compare(b.start(), a.start())); // the start step first, then as declared
        ClassName workflowName = ClassName.get(type);
        String prefix = String.join("_", workflowName.simpleNames());
        return Optional.of(new WorkflowModel(type, workflowName,
                ClassName.get(workflowName.packageName(), prefix + "Steps"),
                ClassName.get(workflowName.packageName(), prefix + "Workflow"),
                ClassName.get(context), name, version, on, triggerEntity, createContext, offset, debounce, retry,
                constructible(type), List.copyOf(steps), onFail));
    }

    private TypeElement readContext(TypeElement type, AnnotationMirror workflow) {
        TypeElement context = ElementFilter.typesIn(type.getEnclosedElements()).stream()
                .filter(t -> t.getSimpleName().contentEquals("Context")).findFirst().orElse(null);
        if (context == null) {
            diagnostics.error(type, workflow, "the workflow " + type.getSimpleName() + " needs a nested class Context"
                    + " holding its state, e.g. public static class Context { public long reservationId; }");
            return null;
        }
        if (context.getKind() == ElementKind.RECORD) {
            return context;
        }
        String problem = null;
        if (context.getKind() != ElementKind.CLASS) {
            problem = "is " + context.getKind().toString().toLowerCase().replace('_', ' ');
        } else if (!context.getModifiers().contains(Modifier.STATIC)) {
            problem = "is an inner class; make it static";
        } else if (context.getModifiers().contains(Modifier.ABSTRACT)) {
            problem = "is abstract";
        } else if (context.getModifiers().contains(Modifier.PRIVATE)) {
            problem = "is private";
        } else {
            boolean constructible = ElementFilter.constructorsIn(context.getEnclosedElements()).stream()
                    .anyMatch(c -> c.getParameters().isEmpty() || Annotations.find(c, JSON_CREATOR).isPresent());
            if (!constructible) {
                problem = "has no no-argument constructor and no @JsonCreator constructor";
            }
        }
        if (problem != null) {
            diagnostics.error(context, "Jackson cannot construct " + type.getSimpleName() + ".Context, which stores"
                    + " each run's state: it " + problem + ". Use a record or a static class with a no-argument constructor");
            return null;
        }
        return context;
    }

    private ExecutableElement findCreateContext(TypeElement type) {
        return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(m -> m.getSimpleName().contentEquals("createContext")).findFirst().orElse(null);
    }

    /** The entity of {@code static Context createContext(EventContext<E>)}, or {@code null} after an error. */
    private ClassName readCreateContext(ExecutableElement factory, TypeElement context) {
        String expected = "createContext must be static, not private, take one EventContext<Entity> and return "
                + context.getSimpleName();
        boolean ok = factory.getModifiers().contains(Modifier.STATIC) && !factory.getModifiers().contains(Modifier.PRIVATE)
                && types.isSameType(types.erasure(factory.getReturnType()), types.erasure(context.asType()))
                && factory.getParameters().size() == 1;
        TypeElement entity = ok ? typeArgument(factory.getParameters().get(0).asType(), EVENT_CONTEXT) : null;
        if (entity == null) {
            diagnostics.error(factory, expected);
            return null;
        }
        return ClassName.get(entity);
    }

    private StepModel readStep(TypeElement type, ExecutableElement method, TypeElement context, RetrySpec workflowRetry,
            Map<String, ExecutableElement> steps, boolean manual) {
        AnnotationMirror step = Annotations.find(method, STEP).orElseThrow();
        int errorsBefore = diagnostics.errorCount();
        String name = method.getSimpleName().toString();
        String signature = "a step takes the workflow's Context (then, optionally, an EventContext<Entity>,"
                + " SignalPayload, SubflowResult or StepContext) and returns Flow, e.g. Flow " + name + "(Context ctx)";
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            diagnostics.error(method, "@Step method " + name
                    + " is private; make it package-private or public so the generated state machine can call it");
        }
        if (!isType(method.getReturnType(), FLOW)) {
            diagnostics.error(method, "@Step method " + name + " returns " + method.getReturnType() + "; " + signature);
        }
        List<Input> inputs = new ArrayList<>();
        TypeName eventEntity = null;
        List<? extends VariableElement> parameters = method.getParameters();
        if (parameters.isEmpty()) {
            diagnostics.error(method, "@Step method " + name + " takes no Context; " + signature);
        } else if (context != null && !types.isSameType(parameters.get(0).asType(), context.asType())) {
            diagnostics.error(parameters.get(0), "the first parameter of @Step method " + name + " must be "
                    + type.getSimpleName() + ".Context, not " + parameters.get(0).asType() + "; " + signature);
        }
        for (VariableElement parameter : parameters.stream().skip(1).toList()) {
            TypeMirror parameterType = parameter.asType();
            Input input = null;
            TypeElement entity = typeArgument(parameterType, EVENT_CONTEXT);
            if (entity != null) {
                input = Input.EVENT;
                eventEntity = ClassName.get(entity);
            } else if (isType(parameterType, SIGNAL_PAYLOAD)) {
                input = Input.SIGNAL;
            } else if (isType(parameterType, SUBFLOW_RESULT)) {
                input = Input.SUBFLOW;
            } else if (isType(parameterType, STEP_CONTEXT)) {
                input = Input.STEP_CONTEXT;
            }
            if (input == null) {
                diagnostics.error(parameter, "@Step method " + name + " cannot be given a " + parameterType + "; "
                        + signature);
            } else if (inputs.contains(input)) {
                diagnostics.error(parameter, "@Step method " + name + " takes two parameters of type "
                        + parameterType + "; " + signature);
            } else {
                inputs.add(input);
            }
        }
        RetrySpec retry = RetrySpec.read(elements, diagnostics, method, Annotations.annotation(elements, step, "retry"), true);
        if (retry != null && retry.inherit()) {
            retry = workflowRetry;
        }
        WaitModel wait = readWait(type, method, context, steps, manual, eventEntity);
        if (diagnostics.errorCount() != errorsBefore) {
            return null;
        }
        return new StepModel(name, Names.constant(name), Annotations.bool(elements, step, "start"),
                method.getModifiers().contains(Modifier.STATIC), List.copyOf(inputs), eventEntity, retry,
                Annotations.string(elements, step, "display"), wait);
    }

    private WaitModel readWait(TypeElement type, ExecutableElement method, TypeElement context,
            Map<String, ExecutableElement> steps, boolean manual, TypeName eventEntity) {
        Optional<AnnotationMirror> found = Annotations.find(method, WAIT_FOR_EVENT);
        if (found.isEmpty()) {
            return null;
        }
        AnnotationMirror wait = found.get();
        String event = Annotations.string(elements, wait, "value");
        if (event.isBlank()) {
            diagnostics.error(method, wait, "value", "@WaitForEvent needs an event name; use the generated constant,"
                    + " e.g. ReservationEvents.GUEST_CHECKED_IN");
        }
        Duration timeout = null;
        if (!Annotations.string(elements, wait, "timeout").isEmpty()) {
            timeout = DurationSpec.read(elements, diagnostics, method, wait, "timeout", false);
        }
        String onTimeout = Annotations.string(elements, wait, "onTimeout");
        if (!onTimeout.isEmpty() && !steps.containsKey(onTimeout)) {
            diagnostics.error(method, wait, "onTimeout", "onTimeout names no step of " + type.getSimpleName() + ": '"
                    + onTimeout + "'; its steps are " + String.join(", ", steps.keySet()));
        }
        boolean timeoutWritten = !Annotations.string(elements, wait, "timeout").isEmpty();
        if (timeoutWritten && onTimeout.isEmpty()) {
            diagnostics.error(method, wait, "timeout", "a @WaitForEvent with a timeout needs onTimeout: the step to go"
                    + " to when the event does not come in time");
        }
        if (!timeoutWritten && !onTimeout.isEmpty()) {
            diagnostics.error(method, wait, "onTimeout", "onTimeout needs a timeout, e.g. timeout = \"PT2H\"");
        }
        AnnotationMirror match = Annotations.annotation(elements, wait, "match");
        String matchEntity = Annotations.string(elements, match, "entity");
        String matchContext = Annotations.string(elements, match, "context");
        String accessor = null;
        if (matchEntity.isEmpty() != matchContext.isEmpty()) {
            diagnostics.error(method, wait, "match", "@Match names both sides: the entity's property and the context's,"
                    + " e.g. @Match(entity = \"id\", context = \"reservationId\")");
        } else if (!matchContext.isEmpty() && context != null) {
            Optional<Property> property = new BeanProperties(elements, types, context).property(matchContext);
            if (property.isEmpty()) {
                diagnostics.error(method, wait, "match", type.getSimpleName() + ".Context has no property '"
                        + matchContext + "' for @Match(context)");
            } else {
                accessor = property.get().accessor();
            }
            if (eventEntity != null) {
                TypeElement entity = elements.getTypeElement(eventEntity.toString());
                if (entity != null && !matchEntity.equals("id")) {
                    BeanProperties properties = new BeanProperties(elements, types, entity);
                    if (properties.property(matchEntity).isEmpty()) {
                        diagnostics.error(method, wait, "match", entity.getSimpleName() + " has no property '"
                                + matchEntity + "' for @Match(entity)");
                    } else if (!isId(properties, matchEntity)) {
                        // Waiting runs are found by the id of the event's entity, which every event
                        // row carries; another property would mean loading each entity to compare.
                        diagnostics.error(method, wait, "match", "@Match(entity) names the id of " + entity.getSimpleName()
                                + ", not '" + matchEntity + "': keep that id in the context and match on it, e.g."
                                + " @Match(entity = \"id\", context = \"" + matchContext + "\")");
                    }
                }
            }
        } else if (manual) {
            diagnostics.error(method, wait, "a run started by hand has no entity of its own, so @WaitForEvent must"
                    + " say which event is the run's: add match = @Match(entity = \"id\", context = \"reservationId\")");
        }
        return new WaitModel(event, timeout, onTimeout.isEmpty() ? null : onTimeout,
                matchEntity.isEmpty() ? null : matchEntity, matchContext.isEmpty() ? null : matchContext, accessor);
    }

    /** Whether {@code property} is the entity's {@code @Id} (a field, or a getter of that name). */
    private static boolean isId(BeanProperties properties, String property) {
        List<Element> ids = new ArrayList<>(properties.annotatedMembers("jakarta.persistence.Id"));
        ids.addAll(properties.annotatedMembers("jakarta.persistence.EmbeddedId"));
        String getter = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        return ids.stream().map(id -> id.getSimpleName().toString())
                .anyMatch(name -> name.equals(property) || name.equals(getter));
    }

    private String readOnFail(TypeElement type, TypeElement context) {
        List<ExecutableElement> handlers = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(m -> Annotations.find(m, ON_FAIL).isPresent()).toList();
        for (ExecutableElement extra : handlers.stream().skip(1).toList()) {
            diagnostics.error(extra, "the workflow " + type.getSimpleName() + " already has an @OnFail method, "
                    + handlers.get(0).getSimpleName() + "; it may have one");
        }
        if (handlers.isEmpty()) {
            return null;
        }
        ExecutableElement method = handlers.get(0);
        boolean ok = method.getReturnType().getKind() == TypeKind.VOID && method.getParameters().size() == 2
                && !method.getModifiers().contains(Modifier.PRIVATE) && !method.getModifiers().contains(Modifier.STATIC)
                && (context == null || types.isSameType(method.getParameters().get(0).asType(), context.asType()))
                && isType(method.getParameters().get(1).asType(), WORKFLOW_FAILURE);
        if (!ok) {
            diagnostics.error(method, "an @OnFail method is an instance method, not private, that returns void and"
                    + " takes the Context and a WorkflowFailure: void " + method.getSimpleName()
                    + "(Context ctx, WorkflowFailure failure)");
            return null;
        }
        return method.getSimpleName().toString();
    }

    private boolean constructible(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
    }

    private boolean isType(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    /** The {@code E} of {@code <qualifiedName><E>} with a declared {@code E}, else {@code null}. */
    private TypeElement typeArgument(TypeMirror type, String qualifiedName) {
        if (!isType(type, qualifiedName)) {
            return null;
        }
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        if (arguments.size() != 1 || arguments.get(0).getKind() != TypeKind.DECLARED) {
            return null;
        }
        return (TypeElement) ((DeclaredType) arguments.get(0)).asElement();
    }

    /** For diagnostics that need a step's element later. */
    static Element stepElement(TypeElement type, String method) {
        return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(m -> m.getSimpleName().contentEquals(method)).map(Element.class::cast).findFirst().orElse(type);
    }
}
