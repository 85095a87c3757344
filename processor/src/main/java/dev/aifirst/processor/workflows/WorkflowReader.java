package dev.aifirst.processor.workflows;

import com.palantir.javapoet.ClassName;
import dev.aifirst.processor.base.Annotations;
import dev.aifirst.processor.base.Message;
import dev.aifirst.processor.base.ValidationReport;
import dev.aifirst.processor.model.DurationSpec;
import dev.aifirst.processor.model.NamespaceSpec;
import dev.aifirst.processor.model.RetrySpec;
import dev.aifirst.processor.workflows.WorkflowModel.StepModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads and checks one {@code @Workflow} class: the annotation's values, its {@code Context}, its
 * {@code createContext}, which steps it has and which one starts, and its {@code @OnFail}. Each
 * step is read by {@link StepReader}.
 */
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

    private final Elements elements;
    private final Types types;
    private final ValidationReport report;

    WorkflowReader(ProcessingEnvironment env, ValidationReport report) {
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        this.report = report;
    }

    /** The model of the workflow {@code type}, or empty after reporting why there is none. */
    Optional<WorkflowModel> read(TypeElement type) {
        AnnotationMirror workflow = Annotations.find(type, WORKFLOW).orElseThrow();
        if (type.getKind() != ElementKind.CLASS || type.getModifiers().contains(Modifier.ABSTRACT)) {
            report.report(Message.WORKFLOW_NOT_CONCRETE, type, workflow);
            return Optional.empty();
        }
        if (type.getModifiers().contains(Modifier.PRIVATE)
                || (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC))
                || type.getNestingKind() == NestingKind.LOCAL) {
            report.report(Message.WORKFLOW_NOT_REACHABLE, type, workflow, type.getSimpleName());
            return Optional.empty();
        }
        String name = Annotations.string(elements, workflow, "name");
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            report.reportOnValue(Message.WORKFLOW_NAME_INVALID, type, workflow, "name");
        }
        int version = Annotations.integer(elements, workflow, "version");
        if (version < 1) {
            report.reportOnValue(Message.WORKFLOW_VERSION, type, workflow, "version", version);
        }
        String on = Annotations.string(elements, workflow, "on");
        Duration offset = DurationSpec.read(elements, report, type, workflow, "offset", true);
        if (offset != null && !offset.isZero() && on.isEmpty()) {
            report.reportOnValue(Message.OFFSET_WITHOUT_ON, type, workflow, "offset");
        }
        String namespace = NamespaceSpec.read(elements, report, type, workflow, "namespace");
        if (namespace != null && !NamespaceSpec.isAll(namespace) && on.isEmpty()) {
            report.reportOnValue(Message.NAMESPACE_WITHOUT_ON, type, workflow, "namespace");
        }
        Duration debounce = Duration.ZERO;
        if (!Annotations.string(elements, workflow, "debounce").isEmpty()) {
            debounce = DurationSpec.read(elements, report, type, workflow, "debounce", false);
            if (on.isEmpty() && debounce != null) {
                report.reportOnValue(Message.DEBOUNCE_WITHOUT_ON, type, workflow, "debounce");
            }
        }
        RetrySpec retry = RetrySpec.read(elements, report, type, Annotations.annotation(elements, workflow, "retry"), false);

        TypeElement context = readContext(type, workflow);
        ClassName triggerEntity = null;
        boolean createContext = false;
        ExecutableElement factory = findCreateContext(type);
        if (factory != null && context != null) {
            triggerEntity = readCreateContext(factory, context);
            createContext = triggerEntity != null;
        }
        if (!on.isEmpty() && factory == null && context != null) {
            report.reportOnValue(Message.CREATE_CONTEXT_MISSING, type, workflow, "on", context.getSimpleName(),
                    type.getSimpleName());
        }

        Map<String, ExecutableElement> byName = stepMethods(type, workflow);
        if (byName == null) {
            return Optional.empty();
        }
        StepReader stepReader = new StepReader(elements, types, type, context, byName, on.isEmpty());
        List<StepModel> steps = new ArrayList<>();
        for (ExecutableElement method : byName.values()) {
            StepModel step = stepReader.read(method, retry, report.subreport(method));
            if (step != null) {
                steps.add(step);
            }
        }
        String onFail = readOnFail(type, context);
        if (!report.isClean() || context == null) {
            return Optional.empty();
        }
        steps.sort((a, b) -> Boolean.compare(b.start(), a.start())); // the start step first, then as declared
        ClassName workflowName = ClassName.get(type);
        String prefix = String.join("_", workflowName.simpleNames());
        return Optional.of(new WorkflowModel(type, workflowName,
                ClassName.get(workflowName.packageName(), prefix + "Steps"),
                ClassName.get(workflowName.packageName(), prefix + "Workflow"),
                ClassName.get(context), name, version, on, namespace, triggerEntity, createContext, offset, debounce, retry,
                constructible(type), List.copyOf(steps), onFail));
    }

    /**
     * The {@code @Step} methods by name, after checking that there is one, that names are unique and
     * that one step starts; {@code null} when there is none at all.
     */
    private Map<String, ExecutableElement> stepMethods(TypeElement type, AnnotationMirror workflow) {
        List<ExecutableElement> stepMethods = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(m -> Annotations.find(m, STEP).isPresent()).toList();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (Annotations.find(method, WAIT_FOR_EVENT).isPresent() && Annotations.find(method, STEP).isEmpty()) {
                report.report(Message.WAIT_WITHOUT_STEP, method, Annotations.find(method, WAIT_FOR_EVENT).get(),
                        method.getSimpleName());
            }
        }
        if (stepMethods.isEmpty()) {
            report.report(Message.WORKFLOW_WITHOUT_STEPS, type, workflow, type.getSimpleName());
            return null;
        }
        Map<String, ExecutableElement> byName = new LinkedHashMap<>();
        for (ExecutableElement method : stepMethods) {
            if (byName.putIfAbsent(method.getSimpleName().toString(), method) != null) {
                report.report(Message.STEP_DUPLICATE_NAME, method, Annotations.find(method, STEP).get(),
                        type.getSimpleName(), method.getSimpleName());
            }
        }
        List<ExecutableElement> starts = stepMethods.stream()
                .filter(m -> Annotations.bool(elements, Annotations.find(m, STEP).get(), "start")).toList();
        if (starts.isEmpty()) {
            report.report(Message.NO_START_STEP, type, workflow, type.getSimpleName());
        }
        for (ExecutableElement extra : starts.stream().skip(1).toList()) {
            report.reportOnValue(Message.TWO_START_STEPS, extra, Annotations.find(extra, STEP).get(), "start",
                    type.getSimpleName(), starts.get(0).getSimpleName());
        }
        return byName;
    }

    private TypeElement readContext(TypeElement type, AnnotationMirror workflow) {
        TypeElement context = ElementFilter.typesIn(type.getEnclosedElements()).stream()
                .filter(t -> t.getSimpleName().contentEquals("Context")).findFirst().orElse(null);
        if (context == null) {
            report.report(Message.CONTEXT_MISSING, type, workflow, type.getSimpleName());
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
            report.report(Message.CONTEXT_NOT_CONSTRUCTIBLE, context, type.getSimpleName(), problem);
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
        boolean ok = factory.getModifiers().contains(Modifier.STATIC) && !factory.getModifiers().contains(Modifier.PRIVATE)
                && types.isSameType(types.erasure(factory.getReturnType()), types.erasure(context.asType()))
                && factory.getParameters().size() == 1;
        TypeElement entity = ok ? StepReader.typeArgument(factory.getParameters().get(0).asType(), EVENT_CONTEXT) : null;
        if (entity == null) {
            report.report(Message.CREATE_CONTEXT_SIGNATURE, factory, context.getSimpleName());
            return null;
        }
        return ClassName.get(entity);
    }

    private String readOnFail(TypeElement type, TypeElement context) {
        List<ExecutableElement> handlers = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(m -> Annotations.find(m, ON_FAIL).isPresent()).toList();
        for (ExecutableElement extra : handlers.stream().skip(1).toList()) {
            report.report(Message.ON_FAIL_TWICE, extra, type.getSimpleName(), handlers.get(0).getSimpleName());
        }
        if (handlers.isEmpty()) {
            return null;
        }
        ExecutableElement method = handlers.get(0);
        boolean ok = method.getReturnType().getKind() == TypeKind.VOID && method.getParameters().size() == 2
                && !method.getModifiers().contains(Modifier.PRIVATE) && !method.getModifiers().contains(Modifier.STATIC)
                && (context == null || types.isSameType(method.getParameters().get(0).asType(), context.asType()))
                && StepReader.isType(method.getParameters().get(1).asType(), WORKFLOW_FAILURE);
        if (!ok) {
            report.report(Message.ON_FAIL_SIGNATURE, method, method.getSimpleName());
            return null;
        }
        return method.getSimpleName().toString();
    }

    private boolean constructible(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
    }

    /** For diagnostics that need a step's element later. */
    static Element stepElement(TypeElement type, String method) {
        return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(m -> m.getSimpleName().contentEquals(method)).map(Element.class::cast).findFirst().orElse(type);
    }
}
