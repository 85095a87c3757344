package dev.aifirst.processor.workflows;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.aifirst.processor.base.Annotations;
import dev.aifirst.processor.base.Message;
import dev.aifirst.processor.base.ValidationReport;
import dev.aifirst.processor.model.BeanProperties.Property;
import dev.aifirst.processor.model.BeanProperties;
import dev.aifirst.processor.model.DurationSpec;
import dev.aifirst.processor.model.Names;
import dev.aifirst.processor.model.RetrySpec;
import dev.aifirst.processor.workflows.WorkflowModel.Input;
import dev.aifirst.processor.workflows.WorkflowModel.StepModel;
import dev.aifirst.processor.workflows.WorkflowModel.WaitModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads and checks one {@code @Step} method of a workflow: its signature, its {@code @Retry}, and its
 * {@code @WaitForEvent}, reporting each problem on the method, parameter or annotation member at fault.
 */
final class StepReader {

    private final Elements elements;
    private final Types types;
    private final TypeElement type;
    private final TypeElement context;
    private final Map<String, ExecutableElement> steps;
    private final boolean manual;

    /**
     * @param type the workflow class
     * @param context its {@code Context}, or {@code null} when it has none that works
     * @param steps its step methods by name
     * @param manual whether runs start only by hand (no {@code on})
     */
    StepReader(Elements elements, Types types, TypeElement type, TypeElement context,
            Map<String, ExecutableElement> steps, boolean manual) {
        this.elements = elements;
        this.types = types;
        this.type = type;
        this.context = context;
        this.steps = steps;
        this.manual = manual;
    }

    /** The model of one step, or {@code null} after reporting its problems to {@code report}. */
    StepModel read(ExecutableElement method, RetrySpec workflowRetry, ValidationReport report) {
        AnnotationMirror step = Annotations.find(method, WorkflowReader.STEP).orElseThrow();
        String name = method.getSimpleName().toString();
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            report.report(Message.STEP_PRIVATE, method, name);
        }
        if (!isType(method.getReturnType(), WorkflowReader.FLOW)) {
            report.report(Message.STEP_RETURNS, method, name, method.getReturnType(), name);
        }
        List<Input> inputs = new ArrayList<>();
        TypeName eventEntity = null;
        List<? extends VariableElement> parameters = method.getParameters();
        if (parameters.isEmpty()) {
            report.report(Message.STEP_WITHOUT_CONTEXT, method, name, name);
        } else if (context != null && !types.isSameType(parameters.get(0).asType(), context.asType())) {
            report.report(Message.STEP_FIRST_PARAMETER, parameters.get(0), name, type.getSimpleName(),
                    parameters.get(0).asType(), name);
        }
        for (VariableElement parameter : parameters.stream().skip(1).toList()) {
            TypeMirror parameterType = parameter.asType();
            Input input = null;
            TypeElement entity = typeArgument(parameterType, WorkflowReader.EVENT_CONTEXT);
            if (entity != null) {
                input = Input.EVENT;
                eventEntity = ClassName.get(entity);
            } else if (isType(parameterType, WorkflowReader.SIGNAL_PAYLOAD)) {
                input = Input.SIGNAL;
            } else if (isType(parameterType, WorkflowReader.SUBFLOW_RESULT)) {
                input = Input.SUBFLOW;
            } else if (isType(parameterType, WorkflowReader.STEP_CONTEXT)) {
                input = Input.STEP_CONTEXT;
            }
            if (input == null) {
                report.report(Message.STEP_PARAMETER_UNSUPPORTED, parameter, name, parameterType, name);
            } else if (inputs.contains(input)) {
                report.report(Message.STEP_PARAMETER_TWICE, parameter, name, parameterType, name);
            } else {
                inputs.add(input);
            }
        }
        RetrySpec retry = RetrySpec.read(elements, report, method, Annotations.annotation(elements, step, "retry"), true);
        if (retry != null && retry.inherit()) {
            retry = workflowRetry;
        }
        WaitModel wait = readWait(method, eventEntity, report);
        if (!report.isClean()) {
            return null;
        }
        return new StepModel(name, Names.constant(name), Annotations.bool(elements, step, "start"),
                method.getModifiers().contains(Modifier.STATIC), List.copyOf(inputs), eventEntity, retry,
                Annotations.string(elements, step, "display"), wait);
    }

    private WaitModel readWait(ExecutableElement method, TypeName eventEntity, ValidationReport report) {
        Optional<AnnotationMirror> found = Annotations.find(method, WorkflowReader.WAIT_FOR_EVENT);
        if (found.isEmpty()) {
            return null;
        }
        AnnotationMirror wait = found.get();
        String event = Annotations.string(elements, wait, "value");
        if (event.isBlank()) {
            report.reportOnValue(Message.WAIT_EVENT_MISSING, method, wait, "value");
        }
        boolean timeoutWritten = !Annotations.string(elements, wait, "timeout").isEmpty();
        Duration timeout = null;
        if (timeoutWritten) {
            timeout = DurationSpec.read(elements, report, method, wait, "timeout", false);
        }
        String onTimeout = Annotations.string(elements, wait, "onTimeout");
        if (!onTimeout.isEmpty() && !steps.containsKey(onTimeout)) {
            report.reportOnValue(Message.ON_TIMEOUT_UNKNOWN_STEP, method, wait, "onTimeout", type.getSimpleName(),
                    onTimeout, String.join(", ", steps.keySet()));
        }
        if (timeoutWritten && onTimeout.isEmpty()) {
            report.reportOnValue(Message.TIMEOUT_WITHOUT_ON_TIMEOUT, method, wait, "timeout");
        }
        if (!timeoutWritten && !onTimeout.isEmpty()) {
            report.reportOnValue(Message.ON_TIMEOUT_WITHOUT_TIMEOUT, method, wait, "onTimeout");
        }
        AnnotationMirror match = Annotations.annotation(elements, wait, "match");
        String matchEntity = Annotations.string(elements, match, "entity");
        String matchContext = Annotations.string(elements, match, "context");
        String accessor = null;
        if (matchEntity.isEmpty() != matchContext.isEmpty()) {
            report.reportOnValue(Message.MATCH_ONE_SIDED, method, wait, "match");
        } else if (!matchContext.isEmpty() && context != null) {
            Optional<Property> property = new BeanProperties(elements, types, context).property(matchContext);
            if (property.isEmpty()) {
                report.reportOnValue(Message.MATCH_CONTEXT_PROPERTY_MISSING, method, wait, "match", type.getSimpleName(),
                        matchContext);
            } else {
                accessor = property.get().accessor();
            }
            if (eventEntity != null) {
                checkMatchEntity(method, wait, eventEntity, matchEntity, matchContext, report);
            }
        } else if (manual) {
            report.report(Message.MATCH_MISSING_FOR_MANUAL_RUN, method, wait);
        }
        return new WaitModel(event, timeout, onTimeout.isEmpty() ? null : onTimeout,
                matchEntity.isEmpty() ? null : matchEntity, matchContext.isEmpty() ? null : matchContext, accessor);
    }

    private void checkMatchEntity(ExecutableElement method, AnnotationMirror wait, TypeName eventEntity,
            String matchEntity, String matchContext, ValidationReport report) {
        TypeElement entity = elements.getTypeElement(eventEntity.toString());
        if (entity == null || matchEntity.equals("id")) {
            return;
        }
        BeanProperties properties = new BeanProperties(elements, types, entity);
        if (properties.property(matchEntity).isEmpty()) {
            report.reportOnValue(Message.MATCH_ENTITY_PROPERTY_MISSING, method, wait, "match", entity.getSimpleName(),
                    matchEntity);
        } else if (!isId(properties, matchEntity)) {
            // Waiting runs are found by the id of the event's entity, which every event row carries;
            // another property would mean loading each entity to compare.
            report.reportOnValue(Message.MATCH_ENTITY_NOT_ID, method, wait, "match", entity.getSimpleName(), matchEntity,
                    matchContext);
        }
    }

    /** Whether {@code property} is the entity's {@code @Id} (a field, or a getter of that name). */
    private static boolean isId(BeanProperties properties, String property) {
        List<Element> ids = new ArrayList<>(properties.annotatedMembers("jakarta.persistence.Id"));
        ids.addAll(properties.annotatedMembers("jakarta.persistence.EmbeddedId"));
        String getter = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        return ids.stream().map(id -> id.getSimpleName().toString())
                .anyMatch(name -> name.equals(property) || name.equals(getter));
    }

    static boolean isType(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    /** The {@code E} of {@code <qualifiedName><E>} with a declared {@code E}, else {@code null}. */
    static TypeElement typeArgument(TypeMirror type, String qualifiedName) {
        if (!isType(type, qualifiedName)) {
            return null;
        }
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        if (arguments.size() != 1 || arguments.get(0).getKind() != TypeKind.DECLARED) {
            return null;
        }
        return (TypeElement) ((DeclaredType) arguments.get(0)).asElement();
    }
}
