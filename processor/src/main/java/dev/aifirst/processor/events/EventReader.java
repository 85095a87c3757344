package dev.aifirst.processor.events;

import dev.aifirst.processor.base.Annotations;
import dev.aifirst.processor.base.Message;
import dev.aifirst.processor.base.Suggestions;
import dev.aifirst.processor.base.ValidationReport;
import dev.aifirst.processor.events.EntityModel.EventModel;
import dev.aifirst.processor.model.BeanProperties.Property;
import dev.aifirst.processor.model.BeanProperties;
import dev.aifirst.processor.model.Names;
import dev.aifirst.processor.model.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads and checks one {@code @Event} of an entity against the entity's properties and methods,
 * reporting each problem on the {@code @Event} member at fault.
 */
final class EventReader {

    /** The date types an {@code at} property may have. */
    private static final Set<String> DATE_TYPES = Set.of("java.time.Instant", "java.time.OffsetDateTime",
            "java.time.ZonedDateTime", "java.time.LocalDateTime", "java.time.LocalDate");

    /** Names the generated class uses itself, so no event may take them. */
    private static final Set<String> RESERVED_FIELDS = Set.of("DECLARATIONS");
    private static final Set<String> RESERVED_METHODS = Set.of("entityType", "declarations", "id", "parseId", "evaluate");

    private final Elements elements;
    private final Types types;
    private final TypeElement type;
    private final BeanProperties properties;

    EventReader(Elements elements, Types types, TypeElement type, BeanProperties properties) {
        this.elements = elements;
        this.types = types;
        this.type = type;
        this.properties = properties;
    }

    /** The model of {@code event}, or {@code null} after reporting its problems to {@code report}. */
    EventModel read(AnnotationMirror event, ValidationReport report) {
        String name = Annotations.string(elements, event, "name");
        Template nameTemplate = template(event, "name", name, report);
        String constant = Names.constant(name);
        if (name.isBlank() || constant.isEmpty()) {
            report.reportOnValue(Message.EVENT_NAME_WITHOUT_TEXT, type, event, "name", name);
        } else if (name.chars().anyMatch(Character::isWhitespace)) {
            report.reportOnValue(Message.EVENT_NAME_WITH_WHITESPACE, type, event, "name", name);
        } else if (RESERVED_FIELDS.contains(constant)) {
            report.reportOnValue(Message.EVENT_NAME_RESERVED, type, event, "name", name);
        }
        String namespace = Annotations.string(elements, event, "namespace");
        Template namespaceTemplate = template(event, "namespace", namespace, report);
        if (namespace.isBlank()) {
            report.reportOnValue(Message.NAMESPACE_EMPTY, type, event, "namespace");
        }

        List<String> triggers = Annotations.enumNames(elements, event, "on");
        if (triggers.isEmpty()) {
            report.reportOnValue(Message.NO_TRIGGER, type, event, "on");
        }
        String when = readWhen(event, report);
        Property at = readAt(event, report);
        List<Property> watch = new ArrayList<>();
        for (String property : Annotations.strings(elements, event, "watch")) {
            Optional<Property> found = property.isEmpty() ? Optional.empty() : properties.property(property);
            if (found.isEmpty()) {
                missingProperty(event, property, "watch", report);
            } else {
                watch.add(found.get());
            }
        }
        List<Property> placeholders = readPlaceholders(event, nameTemplate, namespaceTemplate, report);
        if (!report.isClean()) {
            return null;
        }
        String method = Names.camel(constant);
        if (RESERVED_METHODS.contains(method)) {
            method = method + "Event";
        }
        return new EventModel(name, constant, method, nameTemplate, namespace, namespaceTemplate, triggers, when, at,
                List.copyOf(watch), List.copyOf(placeholders), source(event));
    }

    private List<Property> readPlaceholders(AnnotationMirror event, Template nameTemplate, Template namespaceTemplate,
            ValidationReport report) {
        List<String> placeholderNames = new ArrayList<>();
        if (nameTemplate != null) {
            placeholderNames.addAll(nameTemplate.properties());
        }
        if (namespaceTemplate != null) {
            namespaceTemplate.properties().stream().filter(p -> !placeholderNames.contains(p)).forEach(placeholderNames::add);
        }
        List<Property> placeholders = new ArrayList<>();
        for (String property : placeholderNames) {
            Optional<Property> found = properties.property(property);
            if (found.isEmpty()) {
                String member = nameTemplate != null && nameTemplate.properties().contains(property) ? "name" : "namespace";
                if (properties.hasUnreachableField(property)) {
                    report.reportOnValue(Message.PLACEHOLDER_PRIVATE, type, event, member, property, type.getSimpleName(),
                            capitalize(property));
                } else {
                    report.reportOnValue(Message.PLACEHOLDER_MISSING, type, event, member, property, type.getSimpleName(),
                            capitalize(property), property);
                }
            } else {
                placeholders.add(found.get());
            }
        }
        return placeholders;
    }

    private String readWhen(AnnotationMirror event, ValidationReport report) {
        String when = Annotations.string(elements, event, "when");
        if (when.isEmpty()) {
            return null;
        }
        List<ExecutableElement> candidates = properties.methods(when);
        if (candidates.isEmpty()) {
            String hint = Suggestions.closest(when, properties.methodsWithoutParameters())
                    .map(name -> " did you mean " + name + "()?").orElse("");
            report.reportOnValue(Message.WHEN_METHOD_MISSING, type, event, "when", type.getSimpleName(), when, hint);
            return null;
        }
        for (ExecutableElement method : candidates) {
            if (method.getParameters().isEmpty()) {
                if (!properties.isBoolean(method.getReturnType())) {
                    report.reportOnValue(Message.WHEN_NOT_BOOLEAN, type, event, "when", when, method.getReturnType());
                } else if (method.getModifiers().contains(Modifier.STATIC)) {
                    report.reportOnValue(Message.WHEN_STATIC, type, event, "when", when);
                } else if (!properties.reachable(method)) {
                    report.reportOnValue(Message.WHEN_PRIVATE, type, event, "when", when);
                } else {
                    return when;
                }
                return null;
            }
        }
        report.reportOnValue(Message.WHEN_WITH_PARAMETERS, type, event, "when", when);
        return null;
    }

    private Property readAt(AnnotationMirror event, ValidationReport report) {
        String at = Annotations.string(elements, event, "at");
        if (at.isEmpty()) {
            return null;
        }
        Optional<Property> property = properties.property(at);
        if (property.isEmpty()) {
            missingProperty(event, at, "at", report);
            return null;
        }
        TypeMirror propertyType = property.get().type();
        String typeName = propertyType.getKind() == TypeKind.DECLARED
                ? ((TypeElement) types.asElement(propertyType)).getQualifiedName().toString()
                : propertyType.toString();
        if (!DATE_TYPES.contains(typeName)) {
            report.reportOnValue(Message.AT_NOT_A_DATE, type, event, "at", at, propertyType);
            return null;
        }
        return property.get();
    }

    private Template template(AnnotationMirror event, String member, String text, ValidationReport report) {
        try {
            return Template.parse(text);
        } catch (Template.MalformedTemplateException e) {
            report.reportOnValue(Message.TEMPLATE_MALFORMED, type, event, member, member, text, e.getMessage());
            return null;
        }
    }

    private void missingProperty(AnnotationMirror event, String property, String member, ValidationReport report) {
        if (!property.isEmpty() && properties.hasUnreachableField(property)) {
            report.reportOnValue(Message.PROPERTY_PRIVATE, type, event, member, property, type.getSimpleName(),
                    capitalize(property), member);
        } else {
            report.reportOnValue(Message.PROPERTY_MISSING, type, event, member, type.getSimpleName(), property, member,
                    capitalize(property), property);
        }
    }

    /** Renders the annotation as its author wrote it, for the generated code's Javadoc. */
    private static String source(AnnotationMirror event) {
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

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
