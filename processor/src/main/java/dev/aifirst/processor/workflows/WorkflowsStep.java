package dev.aifirst.processor.workflows;

import com.palantir.javapoet.AnnotationSpec;
import dev.aifirst.processor.base.Annotations;
import dev.aifirst.processor.base.DeferringStep;
import dev.aifirst.processor.base.EventReferences.Reference;
import dev.aifirst.processor.base.Location;
import dev.aifirst.processor.base.Message;
import dev.aifirst.processor.base.ProcessingContext;
import dev.aifirst.processor.base.ValidationReport;
import dev.aifirst.processor.model.GeneratedCode;
import dev.aifirst.processor.model.NamespaceSpec;
import dev.aifirst.processor.model.Resolution;
import dev.aifirst.processor.model.RetrySpec;
import dev.aifirst.processor.workflows.WorkflowModel.StepModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * {@code @Workflow} classes: has {@link WorkflowReader} validate each one, generates {@code <Name>Steps}
 * and {@code <Name>Workflow}, lists the latter in {@code META-INF/services/dev.aifirst.spi.WorkflowDefinition},
 * and records the events the workflows refer to, checked once every entity of the compilation is known.
 */
public final class WorkflowsStep extends DeferringStep {

    private static final String SERVICE = "dev.aifirst.spi.WorkflowDefinition";

    private final Map<String, String> classByWorkflowName = new HashMap<>();

    public WorkflowsStep(ProcessingContext context) {
        super(context);
    }

    @Override
    public Set<String> annotationTypes() {
        return Set.of(WorkflowReader.WORKFLOW, WorkflowReader.STEP, WorkflowReader.WAIT_FOR_EVENT, WorkflowReader.ON_FAIL);
    }

    @Override
    protected Set<TypeElement> classesIn(RoundEnvironment round) {
        Set<TypeElement> classes = new LinkedHashSet<>();
        for (Element element : annotatedWith(round, WorkflowReader.WORKFLOW)) {
            classes.add((TypeElement) element);
        }
        return classes;
    }

    /**
     * A workflow refers to events by generated constants, and to types and (in its {@code @Retry}s)
     * exception classes that may be generated later.
     */
    @Override
    protected boolean isResolved(TypeElement type) {
        if (!Resolution.isResolved(context.types(), type)) {
            return false;
        }
        for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
            if (!Resolution.isResolved(context.types(), nested)) {
                return false;
            }
        }
        List<AnnotationValue> values = new ArrayList<>();
        Optional<AnnotationMirror> workflow = Annotations.find(type, WorkflowReader.WORKFLOW);
        workflow.map(a -> Annotations.explicitValue(a, "on")).ifPresent(values::add);
        if (workflow.isPresent() && !RetrySpec.isResolved(workflow.get())) {
            return false;
        }
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            Annotations.find(method, WorkflowReader.WAIT_FOR_EVENT)
                    .map(a -> Annotations.explicitValue(a, "value")).ifPresent(values::add);
            Optional<AnnotationMirror> step = Annotations.find(method, WorkflowReader.STEP);
            if (step.isPresent() && !RetrySpec.isResolved(step.get())) {
                return false;
            }
        }
        return values.stream().allMatch(v -> v == null || Resolution.isResolvedValue(v.getValue()));
    }

    /** A {@code @Step} outside a {@code @Workflow} would be ignored silently; it is an error. */
    @Override
    protected void beforeClasses(RoundEnvironment round) {
        for (Element method : annotatedWith(round, WorkflowReader.STEP)) {
            Element owner = method.getEnclosingElement();
            if (Annotations.find(owner, WorkflowReader.WORKFLOW).isEmpty()) {
                context.diagnostics().report(Message.STEP_OUTSIDE_WORKFLOW,
                        Location.of(method, Annotations.find(method, WorkflowReader.STEP).orElseThrow()),
                        method.getSimpleName(), owner.getSimpleName());
            }
        }
    }

    @Override
    protected void process(TypeElement type) {
        ValidationReport report = ValidationReport.about(type);
        Optional<WorkflowModel> read = new WorkflowReader(context.env(), report).read(type);
        if (read.isPresent()) {
            checkUniqueName(type, read.get(), report);
        }
        StepTargetsScanner.check(context.env(), type, report);
        if (!context.diagnostics().print(report) || read.isEmpty()) {
            return;
        }
        WorkflowModel model = read.get();
        reportUnreachableSteps(type, model);
        String className = type.getQualifiedName().toString();
        if (!model.on().isEmpty()) {
            context.eventReferences().add(new Reference(className, null, WorkflowReader.WORKFLOW, "on", model.on(),
                    model.triggerEntity() == null ? null : model.triggerEntity().canonicalName(), null, null,
                    NamespaceSpec.isAll(model.namespace()) ? null : model.namespace()));
        }
        for (StepModel step : model.stepModels()) {
            if (step.waitForEvent() != null) {
                context.eventReferences().add(new Reference(className, step.method(), WorkflowReader.WAIT_FOR_EVENT,
                        "value", step.waitForEvent().event(),
                        step.eventEntity() == null ? null : step.eventEntity().toString(), null, null, null));
            }
        }
        AnnotationSpec generated = GeneratedCode.generatedAnnotation(context.elements());
        String packageName = model.generated().packageName();
        GeneratedCode.write(context.filer(), context.diagnostics(), packageName,
                new StepsEnumWriter(model, generated).write(), type);
        GeneratedCode.write(context.filer(), context.diagnostics(), packageName,
                new WorkflowWriter(model, generated).stateMachine(), type);
        context.services().add(SERVICE, model.generated().reflectionName());
    }

    /** Runs are stored under the workflow's name, so two classes may not share one. */
    private void checkUniqueName(TypeElement type, WorkflowModel model, ValidationReport report) {
        String className = type.getQualifiedName().toString();
        String other = classByWorkflowName.putIfAbsent(model.name(), className);
        if (other != null && !other.equals(className)) {
            AnnotationMirror workflow = Annotations.find(type, WorkflowReader.WORKFLOW).orElseThrow();
            report.reportOnValue(Message.DUPLICATE_WORKFLOW_NAME, type, workflow, "name", model.name(), other, className);
        }
    }

    private void reportUnreachableSteps(TypeElement type, WorkflowModel model) {
        StepGraph.unreachable(context.env(), type, model).ifPresent(unreachable -> {
            for (String step : unreachable) {
                Element method = WorkflowReader.stepElement(type, step);
                context.diagnostics().report(Message.STEP_UNREACHABLE,
                        new Location(method, Annotations.find(method, WorkflowReader.STEP).orElse(null), null),
                        step, type.getSimpleName(), model.startStep().method());
            }
        });
    }
}
