package dev.aifirst.processor.events;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.aifirst.processor.Annotations;
import dev.aifirst.processor.Diagnostics;
import dev.aifirst.processor.events.EntityModel.EventModel;
import dev.aifirst.processor.model.BeanProperties;
import dev.aifirst.processor.model.BeanProperties.Property;
import dev.aifirst.processor.model.Names;
import dev.aifirst.processor.model.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads and checks the {@code @Events} of one class against the class, reporting each problem on
 * the {@code @Event} member at fault.
 */
final class EntityEventsReader {

    static final String EVENTS = "dev.aifirst.annotations.Events";
    static final String ENTITY = "jakarta.persistence.Entity";

    /** The date types an {@code at} property may have. */
    private static final Set<String> DATE_TYPES = Set.of("java.time.Instant", "java.time.OffsetDateTime",
            "java.time.ZonedDateTime", "java.time.LocalDateTime", "java.time.LocalDate");

    /** Names the generated class uses itself, so no event may take them. */
    private static final Set<String> RESERVED_FIELDS = Set.of("DECLARATIONS");
    private static final Set<String> RESERVED_METHODS = Set.of("entityType", "declarations", "id", "parseId", "evaluate");

    private final Elements elements;
    private final Types types;
    private final Diagnostics diagnostics;

    EntityEventsReader(Elements elements, Types types, Diagnostics diagnostics) {
        this.elements = elements;
        this.types = types;
        this.diagnostics = diagnostics;
    }

    /** The model of {@code type}'s events, or empty after reporting why there is none. */
    Optional<EntityModel> read(TypeElement type) {
        AnnotationMirror events = Annotations.find(type, EVENTS).orElseThrow();
        if (type.getKind() != ElementKind.CLASS) {
            diagnostics.error(type, events, "@Events belongs on a JPA @Entity class, not on " + kindName(type)
                    + " " + type.getSimpleName());
            return Optional.empty();
        }
        if (Annotations.find(type, ENTITY).isEmpty()) {
            diagnostics.error(type, events, type.getSimpleName() + " has @Events but is not a JPA entity: annotate it with"
                    + " @jakarta.persistence.Entity (events are kept in sync through Hibernate)");
            return Optional.empty();
        }
        if (type.getModifiers().contains(Modifier.PRIVATE)
                || (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC))) {
            diagnostics.error(type, events, "the entity " + type.getSimpleName()
                    + " must be a top-level or static nested class that is not private, so its generated events can reach it");
            return Optional.empty();
        }
        BeanProperties properties = new BeanProperties(elements, types, type);
        IdAccess id = readId(type, events, properties);
        List<EventModel> models = new ArrayList<>();
        Map<String, String> constants = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (AnnotationValue value : Annotations.array(elements, events, "value")) {
            AnnotationMirror event = (AnnotationMirror) value.getValue();
            EventModel model = readEvent(type, event, properties);
            if (model == null) {
                continue;
            }
            if (names.putIfAbsent(model.name(), model.name()) != null) {
                diagnostics.error(type, event, "name", "duplicate event name '" + model.name() + "' on "
                        + type.getSimpleName() + ": each @Event of an entity needs a name of its own");
                continue;
            }
            String clash = constants.putIfAbsent(model.constant(), model.name());
            if (clash != null) {
                diagnostics.error(type, event, "name", "event names '" + clash + "' and '" + model.name()
                        + "' both make the constant " + model.constant() + "; rename one of them");
                continue;
            }
            models.add(model);
        }
        if (models.isEmpty() && !diagnostics.failed()) {
            diagnostics.error(type, events, "@Events on " + type.getSimpleName() + " declares no @Event");
        }
        if (diagnostics.failed() || id == null) {
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
            diagnostics.error(type, events, type.getSimpleName() + " has no @Id: an entity with events needs an"
                    + " identifier, because every event row is stored under it");
            return null;
        }
        Element idElement = ids.get(0);
        String property = idElement.getKind() == ElementKind.FIELD
                ? idElement.getSimpleName().toString()
                : propertyNameOfGetter(idElement.getSimpleName().toString());
        Optional<Property> access = properties.property(property);
        if (access.isEmpty()) {
            diagnostics.error(type, events, "the id '" + property + "' of " + type.getSimpleName()
                    + " is private and has no getter; add get" + capitalize(property) + "()");
            return null;
        }
        TypeMirror idType = access.get().type();
        CodeBlock parse = parseId(idType);
        if (parse == null) {
            diagnostics.error(type, events, "the id '" + property + "' of " + type.getSimpleName() + " has type "
                    + idType + ", which events cannot store; use Long, Integer, Short, String, UUID, BigInteger or BigDecimal");
            return null;
        }
        boolean generated = Annotations.find(idElement, "jakarta.persistence.GeneratedValue").isPresent();
        return new IdAccess(access.get().accessor(), parse, generated);
    }

    private CodeBlock parseId(TypeMirror idType) {
        TypeMirror boxed = idType.getKind().isPrimitive()
                ? types.boxedClass((javax.lang.model.type.PrimitiveType) idType).asType()
                : idType;
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

    private EventModel readEvent(TypeElement type, AnnotationMirror event, BeanProperties properties) {
        int errorsBefore = diagnostics.errorCount();
        String name = Annotations.string(elements, event, "name");
        Template nameTemplate = template(type, event, "name", name);
        String constant = Names.constant(name);
        if (name.isBlank() || constant.isEmpty()) {
            diagnostics.error(type, event, "name", "event name '" + name
                    + "' needs at least one letter or digit outside its placeholders, e.g. \"reservation_created\"");
        } else if (name.chars().anyMatch(Character::isWhitespace)) {
            diagnostics.error(type, event, "name", "event name '" + name + "' must not contain whitespace");
        } else if (RESERVED_FIELDS.contains(constant)) {
            diagnostics.error(type, event, "name", "event name '" + name + "' is reserved by the generated class; rename it");
        }
        String namespace = Annotations.string(elements, event, "namespace");
        Template namespaceTemplate = template(type, event, "namespace", namespace);
        if (namespace.isBlank()) {
            diagnostics.error(type, event, "namespace", "namespace must not be empty; leave it out for the default \"*\"");
        }

        List<String> triggers = Annotations.enumNames(elements, event, "on");
        if (triggers.isEmpty()) {
            diagnostics.error(type, event, "on", "on = {} lets the event never occur; name at least one Trigger (CREATE, UPDATE, DELETE)");
        }
        String when = readWhen(type, event, properties);
        Property at = readAt(type, event, properties);
        List<Property> watch = new ArrayList<>();
        for (String property : Annotations.strings(elements, event, "watch")) {
            Optional<Property> found = property.isEmpty() ? Optional.empty() : properties.property(property);
            if (found.isEmpty()) {
                diagnostics.error(type, event, "watch", missingProperty(type, properties, property, "watch"));
            } else {
                watch.add(found.get());
            }
        }
        List<Property> placeholders = new ArrayList<>();
        List<String> placeholderNames = new ArrayList<>();
        if (nameTemplate != null) {
            placeholderNames.addAll(nameTemplate.properties());
        }
        if (namespaceTemplate != null) {
            namespaceTemplate.properties().stream().filter(p -> !placeholderNames.contains(p)).forEach(placeholderNames::add);
        }
        for (String property : placeholderNames) {
            Optional<Property> found = properties.property(property);
            if (found.isEmpty()) {
                String member = nameTemplate != null && nameTemplate.properties().contains(property) ? "name" : "namespace";
                String problem = properties.hasUnreachableField(property)
                        ? "is a private field of " + type.getSimpleName() + " without a getter; add get" + capitalize(property) + "()"
                        : "names no property of " + type.getSimpleName() + " (no getter get" + capitalize(property)
                                + "() and no field " + property + ")";
                diagnostics.error(type, event, member, "placeholder {" + property + "} " + problem);
            } else {
                placeholders.add(found.get());
            }
        }
        if (diagnostics.errorCount() != errorsBefore) {
            return null;
        }
        String method = Names.camel(constant);
        if (RESERVED_METHODS.contains(method)) {
            method = method + "Event";
        }
        return new EventModel(name, constant, method, nameTemplate, namespace, namespaceTemplate, triggers, when, at,
                List.copyOf(watch), List.copyOf(placeholders), source(event));
    }

    private String readWhen(TypeElement type, AnnotationMirror event, BeanProperties properties) {
        String when = Annotations.string(elements, event, "when");
        if (when.isEmpty()) {
            return null;
        }
        List<ExecutableElement> candidates = properties.methods(when);
        if (candidates.isEmpty()) {
            diagnostics.error(type, event, "when", type.getSimpleName() + " has no method " + when
                    + "(); 'when' names a no-argument boolean method of the entity, e.g. boolean isConfirmed()");
            return null;
        }
        for (ExecutableElement method : candidates) {
            if (method.getParameters().isEmpty()) {
                if (!properties.isBoolean(method.getReturnType())) {
                    diagnostics.error(type, event, "when", "the 'when' method " + when + "() returns "
                            + method.getReturnType() + "; it must return boolean");
                } else if (method.getModifiers().contains(Modifier.STATIC)) {
                    diagnostics.error(type, event, "when", "the 'when' method " + when
                            + "() is static; it must be an instance method that reads the entity");
                } else if (!properties.reachable(method)) {
                    diagnostics.error(type, event, "when", "the 'when' method " + when
                            + "() is private; make it package-private or public so the generated events can call it");
                } else {
                    return when;
                }
                return null;
            }
        }
        diagnostics.error(type, event, "when", "the 'when' method " + when
                + "(...) takes parameters; it must take none and return boolean");
        return null;
    }

    private Property readAt(TypeElement type, AnnotationMirror event, BeanProperties properties) {
        String at = Annotations.string(elements, event, "at");
        if (at.isEmpty()) {
            return null;
        }
        Optional<Property> property = properties.property(at);
        if (property.isEmpty()) {
            diagnostics.error(type, event, "at", missingProperty(type, properties, at, "at"));
            return null;
        }
        TypeMirror propertyType = property.get().type();
        String typeName = propertyType.getKind() == TypeKind.DECLARED
                ? ((TypeElement) types.asElement(propertyType)).getQualifiedName().toString()
                : propertyType.toString();
        if (!DATE_TYPES.contains(typeName)) {
            diagnostics.error(type, event, "at", "the 'at' property " + at + " has type " + propertyType
                    + "; it must be a date: Instant, OffsetDateTime, ZonedDateTime, LocalDateTime or LocalDate");
            return null;
        }
        return property.get();
    }

    private Template template(TypeElement type, AnnotationMirror event, String member, String text) {
        try {
            return Template.parse(text);
        } catch (Template.MalformedTemplateException e) {
            diagnostics.error(type, event, member, "malformed " + member + " '" + text + "': " + e.getMessage());
            return null;
        }
    }

    private String missingProperty(TypeElement type, BeanProperties properties, String property, String member) {
        if (!property.isEmpty() && properties.hasUnreachableField(property)) {
            return "the field " + property + " of " + type.getSimpleName() + " is private and has no getter; add get"
                    + capitalize(property) + "() for '" + member + "'";
        }
        return type.getSimpleName() + " has no property '" + property + "' for '" + member
                + "' (no getter get" + capitalize(property) + "() and no field " + property + ")";
    }

    /** Renders the annotation as its author wrote it, for the generated code's Javadoc. */
    private String source(AnnotationMirror event) {
        StringJoiner members = new StringJoiner(", ", "@Event(", ")");
        for (var entry : event.getElementValues().entrySet()) {
            members.add(entry.getKey().getSimpleName() + " = " + render(entry.getValue()));
        }
        return members.toString();
    }

    @SuppressWarnings("unchecked")
    private static String render(AnnotationValue value) {
        Object raw = value.getValue();
        if (raw instanceof String text) {
            return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (raw instanceof VariableElement constant) {
            return constant.getEnclosingElement().getSimpleName() + "." + constant.getSimpleName();
        }
        if (raw instanceof List<?> list) {
            StringJoiner items = new StringJoiner(", ", list.size() == 1 ? "" : "{", list.size() == 1 ? "" : "}");
            for (AnnotationValue item : (List<AnnotationValue>) list) {
                items.add(render(item));
            }
            return items.toString();
        }
        return String.valueOf(raw);
    }

    private static String propertyNameOfGetter(String getter) {
        String stripped = getter.startsWith("get") ? getter.substring(3) : getter.startsWith("is") ? getter.substring(2) : getter;
        return stripped.isEmpty() ? getter : Character.toLowerCase(stripped.charAt(0)) + stripped.substring(1);
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
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
