package dev.aifirst.processor.workflows;

import dev.aifirst.processor.Annotations;
import dev.aifirst.processor.Diagnostics;
import dev.aifirst.processor.EventCatalog;
import dev.aifirst.processor.EventCatalog.DeclaredEvent;
import dev.aifirst.processor.ProcessingContext;
import dev.aifirst.processor.ProcessingStep;
import dev.aifirst.processor.model.GeneratedCode;
import dev.aifirst.processor.model.Resolution;
import dev.aifirst.processor.workflows.WorkflowModel.StepModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * {@code @Workflow} classes: validates each one, generates {@code <Name>Steps} and
 * {@code <Name>Workflow}, lists the latter in {@code META-INF/services/dev.aifirst.spi.WorkflowDefinition},
 * and, once every entity of the compilation is known, checks the events the workflows refer to.
 */
public final class WorkflowsStep implements ProcessingStep {

    private static final String SERVICE = "dev.aifirst.spi.WorkflowDefinition";

    /** An event a workflow refers to: its {@code on}, or a step's {@code @WaitForEvent}. */
    private record Reference(String className, String stepMethod, String event, String entity) {
    }

    private final ProcessingContext context;
    private final Set<String> deferred = new LinkedHashSet<>();
    private final Map<String, String> classByWorkflowName = new HashMap<>();
    private final List<Reference> references = new ArrayList<>();

    public WorkflowsStep(ProcessingContext context) {
        this.context = context;
    }

    @Override
    public Set<String> annotationTypes() {
        return Set.of(WorkflowReader.WORKFLOW, WorkflowReader.STEP, WorkflowReader.WAIT_FOR_EVENT, WorkflowReader.ON_FAIL);
    }

    @Override
    public void process(RoundEnvironment round) {
        Set<TypeElement> classes = new LinkedHashSet<>();
        for (String name : deferred) {
            TypeElement type = context.elements().getTypeElement(name);
            if (type != null) {
                classes.add(type);
            }
        }
        deferred.clear();
        TypeElement workflow = context.elements().getTypeElement(WorkflowReader.WORKFLOW);
        if (workflow != null) {
            for (Element element : round.getElementsAnnotatedWith(workflow)) {
                classes.add((TypeElement) element);
            }
        }
        reportStepsOutsideWorkflows(round);
        for (TypeElement type : classes) {
            if (!round.processingOver() && !resolved(type)) {
                deferred.add(type.getQualifiedName().toString());
                continue;
            }
            process(type);
        }
    }

    /** A workflow refers to events by generated constants and to types that may be generated later. */
    private boolean resolved(TypeElement type) {
        if (!Resolution.isResolved(context.types(), type)) {
            return false;
        }
        for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
            if (!Resolution.isResolved(context.types(), nested)) {
                return false;
            }
        }
        List<AnnotationValue> values = new ArrayList<>();
        Annotations.find(type, WorkflowReader.WORKFLOW).map(a -> Annotations.explicitValue(a, "on")).ifPresent(values::add);
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            Annotations.find(method, WorkflowReader.WAIT_FOR_EVENT)
                    .map(a -> Annotations.explicitValue(a, "value")).ifPresent(values::add);
        }
        return values.stream().allMatch(v -> v == null || Resolution.isResolvedValue(v.getValue()));
    }

    private void reportStepsOutsideWorkflows(RoundEnvironment round) {
        TypeElement step = context.elements().getTypeElement(WorkflowReader.STEP);
        if (step == null) {
            return;
        }
        for (Element method : round.getElementsAnnotatedWith(step)) {
            Element owner = method.getEnclosingElement();
            if (Annotations.find(owner, WorkflowReader.WORKFLOW).isEmpty()) {
                context.messager().printMessage(Diagnostic.Kind.ERROR, "@Step method " + method.getSimpleName()
                        + " is in " + owner.getSimpleName() + ", which is not a @Workflow; annotate the class with"
                        + " @Workflow(name = ...)", method, Annotations.find(method, WorkflowReader.STEP).orElseThrow());
            }
        }
    }

    private void process(TypeElement type) {
        Diagnostics diagnostics = new Diagnostics(context.messager());
        Optional<WorkflowModel> read = new WorkflowReader(context.env(), diagnostics).read(type);
        if (read.isEmpty()) {
            return;
        }
        WorkflowModel model = read.get();
        String className = type.getQualifiedName().toString();
        String other = classByWorkflowName.putIfAbsent(model.name(), className);
        if (other != null && !other.equals(className)) {
            AnnotationMirror workflow = Annotations.find(type, WorkflowReader.WORKFLOW).orElseThrow();
            diagnostics.error(type, workflow, "name", "two workflows are named '" + model.name() + "': " + other
                    + " and " + className + "; runs are stored under the name, so each workflow needs its own");
            return;
        }
        StepGraph.unreachable(context.env(), type, model).ifPresent(unreachable -> {
            for (String step : unreachable) {
                Element method = WorkflowReader.stepElement(type, step);
                context.messager().printMessage(Diagnostic.Kind.WARNING, "step " + step + " of " + type.getSimpleName()
                        + " is unreachable: no step goes to it from the start step " + model.startStep().method(),
                        method, Annotations.find(method, WorkflowReader.STEP).orElse(null));
            }
        });
        if (!model.on().isEmpty()) {
            references.add(new Reference(className, null, model.on(),
                    model.triggerEntity() == null ? null : model.triggerEntity().canonicalName()));
        }
        for (StepModel step : model.stepModels()) {
            if (step.waitForEvent() != null) {
                references.add(new Reference(className, step.method(), step.waitForEvent().event(),
                        step.eventEntity() == null ? null : step.eventEntity().toString()));
            }
        }
        WorkflowWriter writer = new WorkflowWriter(model, GeneratedCode.generatedAnnotation(context.elements()));
        String packageName = model.generated().packageName();
        GeneratedCode.write(context.filer(), context.messager(), packageName, writer.stepsEnum(), type);
        GeneratedCode.write(context.filer(), context.messager(), packageName, writer.stateMachine(), type);
        context.services().add(SERVICE, model.generated().reflectionName());
    }

    @Override
    public void finish() {
        EventCatalog catalog = context.eventCatalog();
        for (Reference reference : references) {
            TypeElement type = context.elements().getTypeElement(reference.className());
            if (type == null) {
                continue;
            }
            Element element;
            AnnotationMirror annotation;
            String member;
            if (reference.stepMethod() == null) {
                element = type;
                annotation = Annotations.find(type, WorkflowReader.WORKFLOW).orElseThrow();
                member = "on";
            } else {
                element = WorkflowReader.stepElement(type, reference.stepMethod());
                annotation = Annotations.find(element, WorkflowReader.WAIT_FOR_EVENT).orElseThrow();
                member = "value";
            }
            AnnotationValue value = Annotations.explicitValue(annotation, member);
            List<DeclaredEvent> matches = catalog.lookup(reference.event());
            if (reference.entity() != null && catalog.knowsEntity(reference.entity())) {
                if (matches.stream().noneMatch(e -> e.entity().equals(reference.entity()))) {
                    String known = catalog.eventsOf(reference.entity()).stream().map(DeclaredEvent::name)
                            .collect(Collectors.joining(", "));
                    String entity = reference.entity().substring(reference.entity().lastIndexOf('.') + 1);
                    context.messager().printMessage(Diagnostic.Kind.ERROR, entity + " declares no event '"
                            + reference.event() + "'; its events are: " + known, element, annotation, value);
                }
            } else if (matches.isEmpty()) {
                context.messager().printMessage(Diagnostic.Kind.WARNING, "no entity in this compilation declares the"
                        + " event '" + reference.event() + "'; check the name, or ignore this if its entity lives in"
                        + " another module", element, annotation, value);
            }
        }
    }
}
