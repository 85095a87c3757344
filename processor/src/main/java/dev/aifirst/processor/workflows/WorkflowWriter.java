package dev.aifirst.processor.workflows;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.aifirst.processor.model.DurationSpec;
import dev.aifirst.processor.model.GeneratedCode;
import dev.aifirst.processor.model.RetrySpec;
import dev.aifirst.processor.workflows.WorkflowModel.Input;
import dev.aifirst.processor.workflows.WorkflowModel.StepModel;
import dev.aifirst.processor.workflows.WorkflowModel.WaitModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/** Writes a workflow's {@code <Name>Workflow} state machine. */
final class WorkflowWriter {

    private static final ClassName FLOW = ClassName.get("dev.aifirst", "Flow");
    private static final ClassName WORKFLOW_STEP = ClassName.get("dev.aifirst.workflows", "WorkflowStep");
    private static final ClassName WORKFLOW_FAILURE = ClassName.get("dev.aifirst.workflows", "WorkflowFailure");
    private static final ClassName WORKFLOW_DEFINITION = ClassName.get("dev.aifirst.spi", "WorkflowDefinition");
    private static final ClassName STEP_DECLARATION = ClassName.get("dev.aifirst.spi", "StepDeclaration");
    private static final ClassName WAIT_DECLARATION = ClassName.get("dev.aifirst.spi", "WaitDeclaration");
    private static final ClassName STEP_INPUTS = ClassName.get("dev.aifirst.spi", "StepInputs");
    private static final ClassName CONTEXT_CODEC = ClassName.get("dev.aifirst.spi", "ContextCodec");
    private static final ClassName INSTANCES = ClassName.get("dev.aifirst.spi", "Instances");
    private static final ClassName EVENT_CONTEXT = ClassName.get("dev.aifirst.events", "EventContext");

    private final WorkflowModel model;
    private final AnnotationSpec generated;

    WorkflowWriter(WorkflowModel model, AnnotationSpec generated) {
        this.model = model;
        this.generated = generated;
    }

    /** The state machine: declarations, and a switch that calls the step methods. */
    TypeSpec stateMachine() {
        ClassName context = model.context();
        TypeSpec.Builder type = TypeSpec.classBuilder(model.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(WORKFLOW_DEFINITION, context))
                .addJavadoc("The state machine of the workflow {@code $S} ({@link $T}), generated from its annotations.\n",
                        model.name(), model.workflow())
                .addJavadoc("\n")
                .addJavadoc("<p>The runtime calls {@link #execute} for each step of a run; its switch calls the step\n")
                .addJavadoc("method directly, so a breakpoint there steps into your code.\n");
        if (generated != null) {
            type.addAnnotation(generated);
        }
        type.addField(FieldSpec.builder(String.class, "NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", model.name()).build());
        type.addField(FieldSpec.builder(int.class, "VERSION", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("$L", model.version()).build());

        Map<RetrySpec, String> retryConstants = retryConstants();
        for (Map.Entry<RetrySpec, String> retry : retryConstants.entrySet()) {
            type.addField(FieldSpec.builder(RetrySpec.RETRY_POLICY, retry.getValue(), Modifier.PRIVATE, Modifier.STATIC,
                            Modifier.FINAL)
                    .initializer(retry.getKey().newPolicy()).build());
        }
        List<CodeBlock> declarations = new ArrayList<>();
        for (StepModel step : model.stepModels()) {
            CodeBlock declaration = CodeBlock.of("$T.of($T.$L, $L, $S)", STEP_DECLARATION, model.steps(), step.constant(),
                    retryConstants.get(step.retry()), step.display());
            if (step.waitForEvent() != null) {
                declaration = CodeBlock.of("$L\n$>$>.waitingFor($L)$<$<", declaration, waitDeclaration(step.waitForEvent()));
            }
            declarations.add(declaration);
        }
        ParameterizedTypeName listOfSteps = ParameterizedTypeName.get(ClassName.get(List.class), STEP_DECLARATION);
        type.addField(FieldSpec.builder(listOfSteps, "STEPS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of(\n$>$>$L$<$<)", List.class, CodeBlock.join(declarations, ",\n")).build());
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(CONTEXT_CODEC, context), "CODEC", Modifier.PRIVATE,
                        Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T<>($T.class)", CONTEXT_CODEC, context).build());

        type.addMethod(getter("name", TypeName.get(String.class), CodeBlock.of("NAME")));
        type.addMethod(getter("version", TypeName.INT, CodeBlock.of("VERSION")));
        type.addMethod(getter("workflowType", ParameterizedTypeName.get(ClassName.get(Class.class),
                WildcardTypeName.subtypeOf(Object.class)), CodeBlock.of("$T.class", model.workflow())));
        type.addMethod(getter("contextType", ParameterizedTypeName.get(ClassName.get(Class.class), context),
                CodeBlock.of("$T.class", context)));
        type.addMethod(getter("startStep", WORKFLOW_STEP, CodeBlock.of("$T.$L", model.steps(), model.startStep().constant())));
        type.addMethod(getter("steps", listOfSteps, CodeBlock.of("STEPS")));
        type.addMethod(stepByName());
        type.addMethod(getter("triggerEvent", TypeName.get(String.class), CodeBlock.of("$S", model.on())));
        type.addMethod(getter("triggerEntityType", ParameterizedTypeName.get(ClassName.get(Class.class),
                        WildcardTypeName.subtypeOf(Object.class)),
                model.triggerEntity() == null ? CodeBlock.of("null") : CodeBlock.of("$T.class", model.triggerEntity())));
        type.addMethod(getter("triggerNamespace", TypeName.get(String.class), CodeBlock.of("$S", model.namespace())));
        type.addMethod(getter("offset", TypeName.get(Duration.class), DurationSpec.code(model.offset())));
        type.addMethod(getter("debounce", TypeName.get(Duration.class), DurationSpec.code(model.debounce())));
        type.addMethod(createContext());
        type.addMethod(execute());
        type.addMethod(onFail());
        type.addMethod(matchValue());
        type.addMethod(MethodSpec.methodBuilder("decodeContext")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(context)
                .addParameter(String.class, "json")
                .addStatement("return CODEC.decode(json)")
                .build());
        type.addMethod(MethodSpec.methodBuilder("encodeContext")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addParameter(context, "context")
                .addStatement("return CODEC.encode(context)")
                .build());
        if (!model.constructible()) {
            type.addMethod(GeneratedCode.missingInstance(model.workflow()));
        }
        return type.build();
    }

    /** One constant per distinct retry policy: the workflow's {@code DEFAULT_RETRY}, then the steps' own. */
    private Map<RetrySpec, String> retryConstants() {
        Map<RetrySpec, String> constants = new LinkedHashMap<>();
        constants.put(model.retry(), "DEFAULT_RETRY");
        for (StepModel step : model.stepModels()) {
            constants.putIfAbsent(step.retry(), step.constant() + "_RETRY");
        }
        return constants;
    }

    /** {@code WaitDeclaration.forEvent("...")}, then a wither for each value the annotation sets. */
    private CodeBlock waitDeclaration(WaitModel wait) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.forEvent($S)", WAIT_DECLARATION, wait.event());
        if (wait.timeout() != null) {
            code.add("$Z.timeout($L, $T.$L)", DurationSpec.code(wait.timeout()), model.steps(),
                    constantOf(wait.onTimeout()));
        }
        if (wait.matchEntity() != null) {
            code.add("$Z.matching($S, $S)", wait.matchEntity(), wait.matchContext());
        }
        return code.build();
    }

    private String constantOf(String method) {
        return model.stepModels().stream().filter(s -> s.method().equals(method)).findFirst().orElseThrow().constant();
    }

    private MethodSpec stepByName() {
        CodeBlock.Builder cases = CodeBlock.builder();
        for (StepModel step : model.stepModels()) {
            cases.add("case $S -> $T.$L;\n", step.method(), model.steps(), step.constant());
        }
        cases.add("default -> null;\n");
        return MethodSpec.methodBuilder("step")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(WORKFLOW_STEP)
                .addParameter(String.class, "name")
                .addCode("return switch (name) {\n$>$L$<};\n", cases.build())
                .build();
    }

    private MethodSpec createContext() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("createContext")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(model.context())
                .addParameter(ParameterizedTypeName.get(EVENT_CONTEXT, WildcardTypeName.subtypeOf(Object.class)), "event")
                .addParameter(INSTANCES, "instances");
        if (model.createContext()) {
            method.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
                    .addStatement("return $T.createContext(($T) event)", model.workflow(),
                            ParameterizedTypeName.get(EVENT_CONTEXT, model.triggerEntity()));
        } else {
            method.addStatement("throw new $T($S)", UnsupportedOperationException.class,
                    "the workflow " + model.name() + " starts only by hand: runtime.workflows().start("
                            + model.workflow().simpleName() + ".class, context)");
        }
        return method.build();
    }

    private MethodSpec execute() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("execute")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(FLOW)
                .addParameter(WORKFLOW_STEP, "step")
                .addParameter(model.context(), "context")
                .addParameter(STEP_INPUTS, "inputs")
                .addParameter(INSTANCES, "instances")
                .addException(Exception.class);
        boolean unchecked = model.stepModels().stream().anyMatch(s -> s.inputs().contains(Input.EVENT));
        if (unchecked) {
            method.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
        }
        if (model.stepModels().stream().anyMatch(s -> !s.isStatic())) {
            method.addStatement(instance("workflow"));
        }
        CodeBlock.Builder cases = CodeBlock.builder();
        for (StepModel step : model.stepModels()) {
            List<CodeBlock> arguments = new ArrayList<>();
            arguments.add(CodeBlock.of("context"));
            for (Input input : step.inputs()) {
                arguments.add(switch (input) {
                    case EVENT -> CodeBlock.of("($T) inputs.event()", ParameterizedTypeName.get(EVENT_CONTEXT, step.eventEntity()));
                    case SIGNAL -> CodeBlock.of("inputs.signal()");
                    case SUBFLOW -> CodeBlock.of("inputs.subflow()");
                    case STEP_CONTEXT -> CodeBlock.of("inputs.stepContext()");
                });
            }
            CodeBlock receiver = step.isStatic() ? CodeBlock.of("$T", model.workflow()) : CodeBlock.of("workflow");
            cases.add("case $L -> $L.$L($L);\n", step.constant(), receiver, step.method(), CodeBlock.join(arguments, ", "));
        }
        return method.addCode("return switch (($T) step) {\n$>$L$<};\n", model.steps(), cases.build()).build();
    }

    private MethodSpec onFail() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("onFail")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(model.context(), "context")
                .addParameter(WORKFLOW_FAILURE, "failure")
                .addParameter(INSTANCES, "instances")
                .addException(Exception.class);
        if (model.onFail() == null) {
            method.addComment("$T has no @OnFail method", model.workflow());
        } else {
            method.addStatement(instance("workflow"))
                    .addStatement("workflow.$L(context, failure)", model.onFail());
        }
        return method.build();
    }

    private MethodSpec matchValue() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("matchValue")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(Object.class)
                .addParameter(WORKFLOW_STEP, "waitStep")
                .addParameter(model.context(), "context");
        List<StepModel> matching = model.stepModels().stream()
                .filter(s -> s.waitForEvent() != null && s.waitForEvent().matchContextAccessor() != null).toList();
        if (matching.isEmpty()) {
            method.addComment("every @WaitForEvent of $T waits for the run's own entity", model.workflow());
            return method.addStatement("return null").build();
        }
        CodeBlock.Builder cases = CodeBlock.builder();
        for (StepModel step : matching) {
            cases.add("case $L -> context.$L;\n", step.constant(), step.waitForEvent().matchContextAccessor());
        }
        cases.add("default -> null;\n");
        return method.addCode("return switch (($T) waitStep) {\n$>$L$<};\n", model.steps(), cases.build()).build();
    }

    private CodeBlock instance(String variable) {
        if (model.constructible()) {
            return CodeBlock.of("$T $L = instances.get($T.class, $T::new)", model.workflow(), variable, model.workflow(),
                    model.workflow());
        }
        return CodeBlock.of("$T $L = instances.get($T.class, $T::missingInstance)", model.workflow(), variable,
                model.workflow(), model.generated());
    }

    private static MethodSpec getter(String name, TypeName type, CodeBlock value) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addStatement("return $L", value)
                .build();
    }
}
