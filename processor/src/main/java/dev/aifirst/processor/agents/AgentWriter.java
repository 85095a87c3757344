package dev.aifirst.processor.agents;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.aifirst.processor.agents.AgentModel.HandlerModel;
import dev.aifirst.processor.agents.AgentModel.Input;
import dev.aifirst.processor.agents.AgentModel.MatchModel;
import dev.aifirst.processor.model.DurationSpec;
import dev.aifirst.processor.model.GeneratedCode;
import dev.aifirst.processor.model.Names;
import dev.aifirst.processor.model.RetrySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes an agent's {@code <Name>Agent}: its routing table, match functions, codec and dispatcher. */
final class AgentWriter {

    private static final ClassName AGENT_DEFINITION = ClassName.get("dev.aifirst.spi", "AgentDefinition");
    private static final ClassName AGENT_HANDLER = ClassName.get("dev.aifirst.spi", "AgentHandler");
    private static final ClassName AGENT_INPUTS = ClassName.get("dev.aifirst.spi", "AgentInputs");
    private static final ClassName CONTEXT_CODEC = ClassName.get("dev.aifirst.spi", "ContextCodec");
    private static final ClassName INSTANCES = ClassName.get("dev.aifirst.spi", "Instances");
    private static final ClassName AGENT_DECISION = ClassName.get("dev.aifirst.agents", "AgentDecision");
    private static final ClassName AGENT_MEMORY = ClassName.get("dev.aifirst.agents", "AgentMemory");
    private static final ClassName EVENT_CONTEXT = ClassName.get("dev.aifirst.events", "EventContext");
    private static final TypeName ANY_CLASS = ParameterizedTypeName.get(ClassName.get(Class.class),
            WildcardTypeName.subtypeOf(Object.class));

    private final AgentModel model;
    private final AnnotationSpec generated;

    AgentWriter(AgentModel model, AnnotationSpec generated) {
        this.model = model;
        this.generated = generated;
    }

    TypeSpec dispatcher() {
        ClassName context = model.context();
        TypeSpec.Builder type = TypeSpec.classBuilder(model.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(AGENT_DEFINITION, context))
                .addJavadoc("The dispatcher of the agent {@code $S} ({@link $T}), generated from its annotations.\n",
                        model.name(), model.agent())
                .addJavadoc("\n")
                .addJavadoc("<p>The runtime calls {@link #handle} for each event routed to an agent and {@link #act} for\n")
                .addJavadoc("its heartbeat; each calls your method directly, so a breakpoint there steps into your code.\n");
        if (generated != null) {
            type.addAnnotation(generated);
        }
        type.addField(FieldSpec.builder(String.class, "NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", model.name()).build());
        List<CodeBlock> declarations = new ArrayList<>();
        for (HandlerModel handler : model.handlers()) {
            RetrySpec retry = handler.retry();
            if (!isNoRetry(retry)) {
                type.addField(FieldSpec.builder(RetrySpec.RETRY_POLICY, retryConstant(handler), Modifier.PRIVATE,
                        Modifier.STATIC, Modifier.FINAL).initializer(retry.newPolicy()).build());
            }
            declarations.add(declaration(handler));
        }
        ParameterizedTypeName listOfHandlers = ParameterizedTypeName.get(ClassName.get(List.class), AGENT_HANDLER);
        type.addField(FieldSpec.builder(listOfHandlers, "HANDLERS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(declarations.isEmpty() ? CodeBlock.of("$T.of()", List.class)
                        : CodeBlock.of("$T.of(\n$>$>$L$<$<)", List.class, CodeBlock.join(declarations, ",\n")))
                .build());
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(CONTEXT_CODEC, context), "CODEC", Modifier.PRIVATE,
                        Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T<>($T.class)", CONTEXT_CODEC, context).build());

        type.addMethod(getter("name", TypeName.get(String.class), CodeBlock.of("NAME")));
        type.addMethod(getter("agentType", ANY_CLASS, CodeBlock.of("$T.class", model.agent())));
        type.addMethod(getter("contextType", ParameterizedTypeName.get(ClassName.get(Class.class), context),
                CodeBlock.of("$T.class", context)));
        type.addMethod(getter("spawnEvent", TypeName.get(String.class), CodeBlock.of("$S", model.spawnOn())));
        type.addMethod(getter("spawnEntityType", ANY_CLASS, model.spawnEntity() == null ? CodeBlock.of("null")
                : CodeBlock.of("$T.class", model.spawnEntity())));
        type.addMethod(getter("namespace", TypeName.get(String.class), CodeBlock.of("$S", model.namespace())));
        type.addMethod(getter("singleton", TypeName.BOOLEAN, CodeBlock.of("$L", model.singleton())));
        type.addMethod(getter("matchContext", TypeName.get(String.class),
                CodeBlock.of("$S", model.match() == null ? "" : model.match().contextProperty())));
        type.addMethod(getter("heartbeat", TypeName.get(Duration.class), DurationSpec.code(model.heartbeat())));
        type.addMethod(getter("handlers", listOfHandlers, CodeBlock.of("HANDLERS")));
        type.addMethod(createContext());
        type.addMethod(contextKey());
        type.addMethod(entityKey());
        type.addMethod(when());
        type.addMethod(handle());
        type.addMethod(act());
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
            type.addMethod(GeneratedCode.missingInstance(model.agent()));
        }
        return type.build();
    }

    /** A policy of one attempt is the default: the declaration leaves it out. */
    private static boolean isNoRetry(RetrySpec retry) {
        return retry.maxAttempts() == 1 && retry.nonRetryable().isEmpty() && retry.retryOn().isEmpty();
    }

    private static String retryConstant(HandlerModel handler) {
        return Names.constant(handler.method()) + "_RETRY";
    }

    /** {@code AgentHandler.on(...)}, then a wither for each value the annotation sets. */
    private CodeBlock declaration(HandlerModel handler) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.on($S, $S, $T.class, $S)", AGENT_HANDLER, handler.method(),
                handler.event(), handler.entity(), handler.match().contextProperty());
        if (!handler.offset().isZero()) {
            code.add("\n$>$>.offset($L)$<$<", DurationSpec.code(handler.offset()));
        }
        if (!handler.debounce().isZero()) {
            code.add("\n$>$>.debounce($L)$<$<", DurationSpec.code(handler.debounce()));
        }
        if (!isNoRetry(handler.retry())) {
            code.add("\n$>$>.retry($L)$<$<", retryConstant(handler));
        }
        if (handler.ignoresClaims()) {
            code.add("\n$>$>.ignoringClaims()$<$<");
        }
        return code.build();
    }

    private MethodSpec createContext() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("createContext")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(model.context())
                .addParameter(ParameterizedTypeName.get(EVENT_CONTEXT, WildcardTypeName.subtypeOf(Object.class)), "event")
                .addParameter(INSTANCES, "instances");
        if (model.spawnEntity() != null) {
            method.addAnnotation(unchecked())
                    .addStatement("return $T.createContext(($T) event)", model.agent(),
                            ParameterizedTypeName.get(EVENT_CONTEXT, model.spawnEntity()));
        } else {
            method.addStatement("throw new $T($S)", UnsupportedOperationException.class,
                    "the agent " + model.name() + " is spawned only by hand: runtime.agents().spawn("
                            + model.agent().simpleName() + ".class, context)");
        }
        return method.build();
    }

    private MethodSpec contextKey() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("contextKey")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(Object.class)
                .addParameter(String.class, "property")
                .addParameter(model.context(), "context");
        CodeBlock.Builder cases = CodeBlock.builder();
        for (MatchModel key : model.contextKeys()) {
            cases.add("case $S -> context.$L;\n", key.contextProperty(), key.contextAccessor());
        }
        cases.add("default -> throw new $T($S + property);\n", IllegalArgumentException.class,
                model.context().simpleName() + " of " + model.agent().simpleName() + " has no match property ");
        return method.addCode("return switch (property) {\n$>$L$<};\n", cases.build()).build();
    }

    private MethodSpec entityKey() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("entityKey")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(Object.class)
                .addParameter(String.class, "method")
                .addParameter(Object.class, "entity");
        CodeBlock.Builder cases = CodeBlock.builder();
        for (HandlerModel handler : model.handlers()) {
            cases.add("case $S -> (($T) entity).$L;\n", handler.method(), handler.entity(), handler.match().entityAccessor());
        }
        cases.add("default -> throw $L;\n", noHandler());
        return method.addCode("return switch (method) {\n$>$L$<};\n", cases.build()).build();
    }

    private MethodSpec when() {
        MethodSpec.Builder method = dispatch("when", TypeName.BOOLEAN);
        List<HandlerModel> guarded = model.handlers().stream().filter(h -> h.when() != null).toList();
        if (guarded.isEmpty()) {
            method.addComment("no @Handler of $T has a 'when'", model.agent());
            return method.addStatement("return true").build();
        }
        if (guarded.stream().anyMatch(h -> h.when().inputs().contains(Input.EVENT) || h.when().inputs().contains(Input.EVENTS))) {
            method.addAnnotation(unchecked());
        }
        if (guarded.stream().anyMatch(h -> !h.when().isStatic())) {
            method.addStatement(instance());
        }
        CodeBlock.Builder cases = CodeBlock.builder();
        for (HandlerModel handler : guarded) {
            cases.add("case $S -> $L.$L($L);\n", handler.method(), receiver(handler.when().isStatic()),
                    handler.when().method(), arguments(handler.when().inputs(), handler));
        }
        cases.add("default -> true;\n");
        return method.addCode("return switch (method) {\n$>$L$<};\n", cases.build()).build();
    }

    private MethodSpec handle() {
        MethodSpec.Builder method = dispatch("handle", AGENT_DECISION).addException(Exception.class);
        if (model.handlers().stream().anyMatch(h -> h.inputs().contains(Input.EVENT) || h.inputs().contains(Input.EVENTS))) {
            method.addAnnotation(unchecked());
        }
        if (model.handlers().stream().anyMatch(h -> !h.isStatic())) {
            method.addStatement(instance());
        }
        CodeBlock.Builder cases = CodeBlock.builder();
        for (HandlerModel handler : model.handlers()) {
            CodeBlock call = CodeBlock.of("$L.$L($L)", receiver(handler.isStatic()), handler.method(),
                    arguments(handler.inputs(), handler));
            if (handler.returnsDecision()) {
                cases.add("case $S -> $L;\n", handler.method(), call);
            } else {
                cases.add("case $S -> {\n$>$L;\nyield $T.carryOn();\n$<}\n", handler.method(), call, AGENT_DECISION);
            }
        }
        cases.add("default -> throw $L;\n", noHandler());
        return method.addCode("return switch (method) {\n$>$L$<};\n", cases.build()).build();
    }

    private MethodSpec act() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("act")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(AGENT_DECISION)
                .addParameter(model.context(), "context")
                .addParameter(AGENT_MEMORY, "memory")
                .addParameter(INSTANCES, "instances")
                .addException(Exception.class);
        AgentModel.HeartbeatModel heartbeat = model.heartbeatMethod();
        if (heartbeat == null) {
            return method.addStatement("throw new $T($S)", UnsupportedOperationException.class,
                    model.agent().simpleName() + " has no @Heartbeat method").build();
        }
        if (!heartbeat.isStatic()) {
            method.addStatement(instance());
        }
        CodeBlock call = CodeBlock.of("$L.$L(context$L)", receiver(heartbeat.isStatic()), heartbeat.method(),
                heartbeat.takesMemory() ? ", memory" : "");
        if (heartbeat.returnsDecision()) {
            return method.addStatement("return $L", call).build();
        }
        return method.addStatement(call).addStatement("return $T.carryOn()", AGENT_DECISION).build();
    }

    /** A method of the form {@code (String method, Context context, AgentInputs inputs, Instances instances)}. */
    private MethodSpec.Builder dispatch(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns)
                .addParameter(String.class, "method")
                .addParameter(model.context(), "context")
                .addParameter(AGENT_INPUTS, "inputs")
                .addParameter(INSTANCES, "instances");
    }

    private CodeBlock arguments(List<Input> inputs, HandlerModel handler) {
        List<CodeBlock> arguments = new ArrayList<>();
        for (Input input : inputs) {
            arguments.add(switch (input) {
                case CONTEXT -> CodeBlock.of("context");
                case EVENT -> CodeBlock.of("($T) inputs.event()", ParameterizedTypeName.get(EVENT_CONTEXT, handler.entity()));
                case EVENTS -> CodeBlock.of("($T) ($T) inputs.events()", ParameterizedTypeName.get(ClassName.get(List.class),
                        ParameterizedTypeName.get(EVENT_CONTEXT, handler.entity())),
                        ParameterizedTypeName.get(ClassName.get(List.class), WildcardTypeName.subtypeOf(Object.class)));
                case MEMORY -> CodeBlock.of("inputs.memory()");
            });
        }
        return CodeBlock.join(arguments, ", ");
    }

    private CodeBlock receiver(boolean isStatic) {
        return isStatic ? CodeBlock.of("$T", model.agent()) : CodeBlock.of("agent");
    }

    private CodeBlock instance() {
        if (model.constructible()) {
            return CodeBlock.of("$T agent = instances.get($T.class, $T::new)", model.agent(), model.agent(), model.agent());
        }
        return CodeBlock.of("$T agent = instances.get($T.class, $T::missingInstance)", model.agent(), model.agent(),
                model.generated());
    }

    private CodeBlock noHandler() {
        return CodeBlock.of("new $T($S + method)", IllegalArgumentException.class,
                model.agent().simpleName() + " has no @Handler method ");
    }

    private static AnnotationSpec unchecked() {
        return AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build();
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
