package dev.aifirst.processor.events;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.aifirst.processor.events.EntityModel.EventModel;
import dev.aifirst.processor.model.BeanProperties.Property;
import dev.aifirst.processor.model.Template;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Writes {@code <Entity>Events} from a validated {@link EntityModel}. */
final class EntityEventsWriter {

    private static final ClassName ENTITY_EVENTS = ClassName.get("dev.aifirst.spi", "EntityEvents");
    private static final ClassName EVENT_DECLARATION = ClassName.get("dev.aifirst.spi", "EventDeclaration");
    private static final ClassName EVENT_STATE = ClassName.get("dev.aifirst.spi", "EventState");
    private static final ClassName EVENT_DATES = ClassName.get("dev.aifirst.spi", "EventDates");
    private static final ClassName TRIGGER = ClassName.get("dev.aifirst.annotations", "Trigger");

    /** Local variable names the generated methods use; placeholders with these names get a suffix. */
    private static final Set<String> LOCALS = Set.of("entity", "zone", "name", "namespace", "condition", "dueAt", "watchKey");

    private final EntityModel model;
    private final AnnotationSpec generated;

    EntityEventsWriter(EntityModel model, AnnotationSpec generated) {
        this.model = model;
        this.generated = generated;
    }

    TypeSpec write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(model.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(ENTITY_EVENTS, model.entity()))
                .addJavadoc("The business events of {@link $T}, generated from its {@code @Events}.\n", model.entity())
                .addJavadoc("\n")
                .addJavadoc("<p>Refer to an event by its constant, e.g. {@code $T.$L}.\n",
                        model.generated(), model.events().get(0).constant())
                .addJavadoc("The runtime calls {@link #evaluate} whenever a {@code $T} is inserted, updated or\n",
                        model.entity())
                .addJavadoc("deleted through Hibernate, and keeps one event row per rendered name in sync with the result.\n");
        if (generated != null) {
            type.addAnnotation(generated);
        }
        for (EventModel event : model.events()) {
            type.addField(FieldSpec.builder(String.class, event.constant(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("{@code $L}\n", event.source())
                    .initializer("$S", event.name())
                    .build());
        }
        List<CodeBlock> declarationNames = new ArrayList<>();
        for (EventModel event : model.events()) {
            type.addField(FieldSpec.builder(EVENT_DECLARATION, event.declarationConstant(), Modifier.PRIVATE,
                            Modifier.STATIC, Modifier.FINAL)
                    .initializer(declaration(event))
                    .build());
            declarationNames.add(CodeBlock.of("$L", event.declarationConstant()));
        }
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), EVENT_DECLARATION),
                        "DECLARATIONS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of(\n$>$>$L$<$<)", List.class, CodeBlock.join(declarationNames, ",\n"))
                .build());

        type.addMethod(MethodSpec.methodBuilder("entityType")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(Class.class), model.entity()))
                .addStatement("return $T.class", model.entity())
                .build());
        type.addMethod(MethodSpec.methodBuilder("declarations")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), EVENT_DECLARATION))
                .addStatement("return DECLARATIONS")
                .build());
        type.addMethod(MethodSpec.methodBuilder("id")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(Object.class)
                .addParameter(model.entity(), "entity")
                .addStatement("return entity.$L", model.idAccessor())
                .build());
        type.addMethod(MethodSpec.methodBuilder("parseId")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(Object.class)
                .addParameter(String.class, "id")
                .addStatement("return $L", model.parseId())
                .build());

        if (model.generatedId()) {
            type.addMethod(MethodSpec.methodBuilder("generatedId")
                    .addJavadoc("The id is {@code @GeneratedValue}: a new $T has no event rows to look for.\n",
                            model.entity())
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(boolean.class)
                    .addStatement("return true")
                    .build());
        }

        List<CodeBlock> calls = new ArrayList<>();
        for (EventModel event : model.events()) {
            calls.add(event.scheduled()
                    ? CodeBlock.of("$L(entity, zone)", event.method())
                    : CodeBlock.of("$L(entity)", event.method()));
        }
        type.addMethod(MethodSpec.methodBuilder("evaluate")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), EVENT_STATE))
                .addParameter(model.entity(), "entity")
                .addParameter(ZoneId.class, "zone")
                .addStatement("return $T.of(\n$L)", List.class, CodeBlock.join(calls, ",\n"))
                .build());
        for (EventModel event : model.events()) {
            type.addMethod(evaluator(event));
        }
        return type.build();
    }

    private CodeBlock declaration(EventModel event) {
        List<CodeBlock> triggers = new ArrayList<>();
        for (String trigger : event.triggers()) {
            triggers.add(CodeBlock.of("$T.$L", TRIGGER, trigger));
        }
        List<CodeBlock> watch = new ArrayList<>();
        for (Property property : event.watch()) {
            watch.add(CodeBlock.of("$S", property.name()));
        }
        return CodeBlock.of("new $T($L, $S, $T.of($L), $L, $T.of($L))", EVENT_DECLARATION, event.constant(),
                event.namespace(), EnumSet.class, CodeBlock.join(triggers, ", "), event.scheduled(), List.class,
                CodeBlock.join(watch, ", "));
    }

    /** One method per event, so a breakpoint can stop on exactly the event being evaluated. */
    private MethodSpec evaluator(EventModel event) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(event.method())
                .addJavadoc("{@code $L}\n", event.source())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(EVENT_STATE)
                .addParameter(model.entity(), "entity");
        if (event.scheduled()) {
            method.addParameter(ZoneId.class, "zone");
        }
        for (Property placeholder : event.placeholders()) {
            String local = local(placeholder);
            TypeName type = placeholder.type().getKind().isPrimitive() ? TypeName.get(placeholder.type()) : ClassName.OBJECT;
            method.addStatement("$T $L = entity.$L", type, local, placeholder.accessor());
            if (!placeholder.type().getKind().isPrimitive()) {
                method.beginControlFlow("if ($L == null)", local)
                        .addStatement("return $T.unrenderable($L, $S)", EVENT_STATE, event.declarationConstant(),
                                placeholder.name())
                        .endControlFlow();
            }
        }
        CodeBlock name = CodeBlock.of("$L", event.constant());
        if (event.nameTemplate().hasPlaceholders()) {
            method.addStatement("$T name = $L", String.class, render(event.nameTemplate(), event));
            name = CodeBlock.of("name");
        }
        CodeBlock namespace = CodeBlock.of("$S", event.namespace());
        if (event.namespaceTemplate().hasPlaceholders()) {
            method.addStatement("$T namespace = $L", String.class, render(event.namespaceTemplate(), event));
            namespace = CodeBlock.of("namespace");
        }
        CodeBlock condition = CodeBlock.of("true");
        if (event.when() != null) {
            method.addStatement("boolean condition = entity.$L()", event.when());
            condition = CodeBlock.of("condition");
        }
        CodeBlock dueAt = null;
        if (event.scheduled()) {
            method.addStatement("$T dueAt = $T.toInstant(entity.$L, zone)", Instant.class, EVENT_DATES,
                    event.at().accessor());
            dueAt = CodeBlock.of("dueAt");
        }
        CodeBlock watchKey = CodeBlock.of("$S", "");
        if (!event.watch().isEmpty()) {
            List<CodeBlock> values = new ArrayList<>();
            for (Property property : event.watch()) {
                values.add(CodeBlock.of("entity.$L", property.accessor()));
            }
            method.addStatement("$T watchKey = $T.watchKey($L)", String.class, EVENT_STATE, CodeBlock.join(values, ", "));
            watchKey = CodeBlock.of("watchKey");
        }
        if (event.scheduled()) {
            method.addStatement("return $T.scheduled($L, $L, $L, $L, $L, $L)", EVENT_STATE, event.declarationConstant(),
                    name, namespace, condition, dueAt, watchKey);
        } else {
            method.addStatement("return $T.immediate($L, $L, $L, $L, $L)", EVENT_STATE, event.declarationConstant(),
                    name, namespace, condition, watchKey);
        }
        return method.build();
    }

    private CodeBlock render(Template template, EventModel event) {
        List<CodeBlock> parts = new ArrayList<>();
        for (Template.Part part : template.parts()) {
            if (part.placeholder()) {
                Property property = event.placeholders().stream()
                        .filter(p -> p.name().equals(part.text())).findFirst().orElseThrow();
                parts.add(CodeBlock.of("$L", local(property)));
            } else {
                parts.add(CodeBlock.of("$S", part.text()));
            }
        }
        if (template.parts().get(0).placeholder()) {
            parts.set(0, CodeBlock.of("$T.valueOf($L)", String.class, parts.get(0)));
        }
        return CodeBlock.join(parts, " + ");
    }

    private static String local(Property property) {
        return LOCALS.contains(property.name()) ? property.name() + "Value" : property.name();
    }
}
