package dev.aifirst.processor.events;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.aifirst.processor.base.Annotations;
import dev.aifirst.processor.base.Message;
import dev.aifirst.processor.base.ValidationReport;
import dev.aifirst.processor.events.EntityModel.EventModel;
import dev.aifirst.processor.model.BeanProperties.Property;
import dev.aifirst.processor.model.BeanProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads and checks the {@code @Events} of one class: the class itself, its id, and that its events
 * have names of their own. Each {@code @Event} is read by {@link EventReader}.
 */
final class EntityEventsReader {

    static final String EVENTS = "dev.aifirst.annotations.Events";
    static final String ENTITY = "jakarta.persistence.Entity";

    private final Elements elements;
    private final Types types;
    private final ValidationReport report;

    EntityEventsReader(Elements elements, Types types, ValidationReport report) {
        this.elements = elements;
        this.types = types;
        this.report = report;
    }

    /** The model of {@code type}'s events, or empty after reporting why there is none. */
    Optional<EntityModel> read(TypeElement type) {
        AnnotationMirror events = Annotations.find(type, EVENTS).orElseThrow();
        if (type.getKind() != ElementKind.CLASS) {
            report.report(Message.EVENTS_NOT_ON_CLASS, type, events, kindName(type), type.getSimpleName());
            return Optional.empty();
        }
        if (Annotations.find(type, ENTITY).isEmpty()) {
            report.report(Message.EVENTS_NOT_ON_ENTITY, type, events, type.getSimpleName());
            return Optional.empty();
        }
        if (type.getModifiers().contains(Modifier.PRIVATE)
                || (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC))) {
            report.report(Message.ENTITY_NOT_REACHABLE, type, events, type.getSimpleName());
            return Optional.empty();
        }
        BeanProperties properties = new BeanProperties(elements, types, type);
        IdAccess id = readId(type, events, properties);
        EventReader eventReader = new EventReader(elements, types, type, properties);
        List<EventModel> models = new ArrayList<>();
        Map<String, String> constants = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (AnnotationValue value : Annotations.array(elements, events, "value")) {
            AnnotationMirror event = (AnnotationMirror) value.getValue();
            EventModel model = eventReader.read(event, report.subreport(type));
            if (model == null) {
                continue;
            }
            if (names.putIfAbsent(model.name(), model.name()) != null) {
                report.reportOnValue(Message.DUPLICATE_EVENT_NAME, type, event, "name", model.name(), type.getSimpleName());
                continue;
            }
            String clash = constants.putIfAbsent(model.constant(), model.name());
            if (clash != null) {
                report.reportOnValue(Message.EVENT_CONSTANT_CLASH, type, event, "name", clash, model.name(),
                        model.constant());
                continue;
            }
            models.add(model);
        }
        if (models.isEmpty() && report.isClean()) {
            report.report(Message.NO_EVENT, type, events, type.getSimpleName());
        }
        if (!report.isClean() || id == null) {
            return Optional.empty();
        }
        ClassName entity = ClassName.get(type);
        ClassName generated = ClassName.get(entity.packageName(), String.join("_", entity.simpleNames()) + "Events");
        return Optional.of(new EntityModel(type, entity, generated, id.accessor(), id.parse(), id.generated(),
                List.copyOf(models)));
    }

    private record IdAccess(String accessor, CodeBlock parse, boolean generated) {
    }

    private IdAccess readId(TypeElement type, AnnotationMirror events, BeanProperties properties) {
        List<Element> ids = new ArrayList<>(properties.annotatedMembers("jakarta.persistence.Id"));
        ids.addAll(properties.annotatedMembers("jakarta.persistence.EmbeddedId"));
        if (ids.isEmpty()) {
            report.report(Message.ENTITY_WITHOUT_ID, type, events, type.getSimpleName());
            return null;
        }
        Element idElement = ids.get(0);
        String property = idElement.getKind() == ElementKind.FIELD
                ? idElement.getSimpleName().toString()
                : propertyNameOfGetter(idElement.getSimpleName().toString());
        Optional<Property> access = properties.property(property);
        if (access.isEmpty()) {
            report.report(Message.ID_WITHOUT_GETTER, type, events, property, type.getSimpleName(),
                    EventReader.capitalize(property));
            return null;
        }
        TypeMirror idType = access.get().type();
        CodeBlock parse = parseId(idType);
        if (parse == null) {
            report.report(Message.ID_TYPE_UNSUPPORTED, type, events, property, type.getSimpleName(), idType);
            return null;
        }
        boolean generated = Annotations.find(idElement, "jakarta.persistence.GeneratedValue").isPresent();
        return new IdAccess(access.get().accessor(), parse, generated);
    }

    private CodeBlock parseId(TypeMirror idType) {
        TypeMirror boxed = idType.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) idType).asType() : idType;
        String name = boxed.getKind() == TypeKind.DECLARED
                ? ((TypeElement) types.asElement(boxed)).getQualifiedName().toString()
                : "";
        return switch (name) {
            case "java.lang.Long" -> CodeBlock.of("$T.valueOf(id)", Long.class);
            case "java.lang.Integer" -> CodeBlock.of("$T.valueOf(id)", Integer.class);
            case "java.lang.Short" -> CodeBlock.of("$T.valueOf(id)", Short.class);
            case "java.lang.String" -> CodeBlock.of("id");
            case "java.util.UUID" -> CodeBlock.of("$T.fromString(id)", java.util.UUID.class);
            case "java.math.BigInteger" -> CodeBlock.of("new $T(id)", java.math.BigInteger.class);
            case "java.math.BigDecimal" -> CodeBlock.of("new $T(id)", java.math.BigDecimal.class);
            default -> null;
        };
    }

    private static String propertyNameOfGetter(String getter) {
        String stripped = getter.startsWith("get") ? getter.substring(3) : getter.startsWith("is") ? getter.substring(2) : getter;
        return stripped.isEmpty() ? getter : Character.toLowerCase(stripped.charAt(0)) + stripped.substring(1);
    }

    private static String kindName(TypeElement type) {
        return switch (type.getKind()) {
            case INTERFACE -> "the interface";
            case ENUM -> "the enum";
            case ANNOTATION_TYPE -> "the annotation";
            case RECORD -> "the record";
            default -> "";
        };
    }
}
