package dev.aifirst.processor.handlers;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.aifirst.processor.handlers.HandlerClassModel.Handler;
import dev.aifirst.processor.model.DurationSpec;
import dev.aifirst.processor.model.GeneratedCode;
import dev.aifirst.processor.model.NamespaceSpec;
import dev.aifirst.processor.model.RetrySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes {@code <Class>EventHandlers}: the declarations of a class's handlers and a switch that calls them. */
final class EventHandlersWriter {

    private static final ClassName EVENT_HANDLERS = ClassName.get("dev.aifirst.spi", "EventHandlers");
    private static final ClassName HANDLER_DECLARATION = ClassName.get("dev.aifirst.spi", "HandlerDeclaration");
    private static final ClassName INSTANCES = ClassName.get("dev.aifirst.spi", "Instances");
    private static final ClassName EVENT_CONTEXT = ClassName.get("dev.aifirst.events", "EventContext");

    /** The default of {@code @OnEvent(retry)}; keep in step with the annotation. */
    static final RetrySpec DEFAULT_RETRY = new RetrySpec(5, Duration.ofSeconds(5), 2.0, Duration.ofHours(1));

    private final HandlerClassModel model;
    private final AnnotationSpec generated;

    EventHandlersWriter(HandlerClassModel model, AnnotationSpec generated) {
        this.model = model;
        this.generated = generated;
    }

    TypeSpec write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(model.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(EVENT_HANDLERS)
                .addJavadoc("Calls the {@code @OnEvent} methods of {@link $T}; generated from their annotations.\n",
                        model.target())
                .addJavadoc("\n")
                .addJavadoc("<p>The runtime delivers each occurrence of an event to {@link #handle} with the handler's key;\n")
                .addJavadoc("the switch calls the method directly, so a breakpoint here steps into it.\n");
        if (generated != null) {
            type.addAnnotation(generated);
        }
        type.addField(FieldSpec.builder(String.class, "PREFIX", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Handler keys are {@code \"<class>#<method>\"}; they are stored with every delivery.\n")
                .initializer("$S", model.target().reflectionName() + "#")
                .build());
        boolean usesDefaultRetry = model.handlers().stream().anyMatch(h -> h.retry().equals(DEFAULT_RETRY));
        if (usesDefaultRetry) {
            type.addField(FieldSpec.builder(RetrySpec.RETRY_POLICY, "DEFAULT_RETRY", Modifier.PRIVATE, Modifier.STATIC,
                            Modifier.FINAL)
                    .addJavadoc("{@code @OnEvent}'s default: 5 attempts, 5 s backoff doubling up to 1 h.\n")
                    .initializer(DEFAULT_RETRY.newPolicy())
                    .build());
        }
        List<CodeBlock> declarations = new ArrayList<>();
        for (Handler handler : model.handlers()) {
            // A policy written in place indents its withers, if it has any, below its constructor.
            CodeBlock retry = handler.retry().equals(DEFAULT_RETRY)
                    ? CodeBlock.of("DEFAULT_RETRY")
                    : CodeBlock.of("$>$L$<", handler.retry().newPolicy());
            CodeBlock.Builder declaration = CodeBlock.builder().add("$T.of(PREFIX + $S, $T.class, $S, $L,$W$L)",
                    HANDLER_DECLARATION, handler.method(), handler.entity(), handler.event(),
                    DurationSpec.code(handler.offset()), retry);
            // Most handlers receive every namespace and respect claims: only the exceptions say so.
            if (!NamespaceSpec.isAll(handler.namespace())) {
                declaration.add("\n$>$>.inNamespace($S)$<$<", handler.namespace());
            }
            if (handler.ignoresClaims()) {
                declaration.add("\n$>$>.ignoringClaims()$<$<");
            }
            declarations.add(declaration.build());
        }
        ParameterizedTypeName listOfDeclarations = ParameterizedTypeName.get(ClassName.get(List.class), HANDLER_DECLARATION);
        type.addField(FieldSpec.builder(listOfDeclarations, "HANDLERS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of(\n$>$>$L$<$<)", List.class, CodeBlock.join(declarations, ",\n"))
                .build());
        type.addMethod(MethodSpec.methodBuilder("handlers")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(listOfDeclarations)
                .addStatement("return HANDLERS")
                .build());
        type.addMethod(handle());
        if (model.hasInstanceHandlers() && !model.constructible()) {
            type.addMethod(GeneratedCode.missingInstance(model.target()));
        }
        return type.build();
    }

    private MethodSpec handle() {
        MethodSpec.Builder handle = MethodSpec.methodBuilder("handle")
                .addAnnotation(Override.class)
                .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
                .addModifiers(Modifier.PUBLIC)
                .addParameter(String.class, "key")
                .addParameter(ParameterizedTypeName.get(EVENT_CONTEXT, WildcardTypeName.subtypeOf(Object.class)), "event")
                .addParameter(INSTANCES, "instances")
                .addException(Exception.class);
        if (model.hasInstanceHandlers()) {
            if (model.constructible()) {
                handle.addStatement("$T target = instances.get($T.class, $T::new)", model.target(), model.target(),
                        model.target());
            } else {
                handle.addStatement("$T target = instances.get($T.class, $T::missingInstance)", model.target(),
                        model.target(), model.generated());
            }
        }
        handle.beginControlFlow("switch (key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key)");
        for (Handler handler : model.handlers()) {
            CodeBlock receiver = handler.isStatic() ? CodeBlock.of("$T", model.target()) : CodeBlock.of("target");
            handle.addStatement("case $S -> $L.$L(($T) event)", handler.method(), receiver, handler.method(),
                    ParameterizedTypeName.get(EVENT_CONTEXT, handler.entity()));
        }
        handle.addStatement("default -> throw new $T($S + key)", IllegalArgumentException.class,
                model.target().simpleName() + " has no @OnEvent handler ");
        handle.endControlFlow();
        return handle.build();
    }
}
