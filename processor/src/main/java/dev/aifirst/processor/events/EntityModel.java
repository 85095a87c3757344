package dev.aifirst.processor.events;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.aifirst.processor.model.BeanProperties.Property;
import dev.aifirst.processor.model.Template;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * The validated {@code @Events} of one entity: everything the generated {@code <Entity>Events}
 * needs, and nothing that requires javac to look again.
 *
 * @param element the entity class
 * @param entity the entity's class name
 * @param generated the name of the class to generate
 * @param idAccessor reads the id: {@code getId()} or {@code id}
 * @param parseId turns the {@code String id} parameter back into the id's type
 * @param generatedId whether the id has {@code @GeneratedValue}
 * @param events the events, in declaration order
 */
record EntityModel(TypeElement element, ClassName entity, ClassName generated, String idAccessor, CodeBlock parseId,
        boolean generatedId, List<EventModel> events) {

    /**
     * One {@code @Event}.
     *
     * @param name the declared name (maybe a template)
     * @param constant the name of its {@code String} constant
     * @param method the name of the generated method that evaluates it
     * @param nameTemplate the parsed name
     * @param namespace the declared namespace
     * @param namespaceTemplate the parsed namespace
     * @param triggers the {@code Trigger} constant names, in declaration order
     * @param when the condition method's name, or {@code null} for always
     * @param at the date property, or {@code null} for an immediate event
     * @param watch the watched properties
     * @param placeholders the properties that the name and namespace placeholders read
     * @param source the annotation as written, for the generated Javadoc
     */
    record EventModel(String name, String constant, String method, Template nameTemplate, String namespace,
            Template namespaceTemplate, List<String> triggers, String when, Property at, List<Property> watch,
            List<Property> placeholders, String source) {

        boolean scheduled() {
            return at != null;
        }

        String declarationConstant() {
            return constant + "_DECLARATION";
        }
    }
}
