package dev.aifirst.processor.agents;

import dev.aifirst.processor.agents.AgentModel.MatchModel;
import dev.aifirst.processor.base.Annotations;
import dev.aifirst.processor.base.Message;
import dev.aifirst.processor.base.ValidationReport;
import dev.aifirst.processor.model.BeanProperties;
import dev.aifirst.processor.model.BeanProperties.Property;
import dev.aifirst.processor.model.DeclaredTypes;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one {@code @Match} of an agent, its own or a handler's: both sides named, each a property
 * that generated code can read, and of one type, so that equal values mean the same thing.
 */
final class MatchReader {

    /** A {@code @Match} as read: absent (both sides empty), broken (reported), or a pairing. */
    record Read(boolean present, MatchModel match) {

        static final Read ABSENT = new Read(false, null);
        static final Read BROKEN = new Read(true, null);
    }

    private final Elements elements;
    private final Types types;
    private final TypeElement agent;
    private final TypeElement context;

    /** @param context the agent's {@code Context}, or {@code null} when it has none that works */
    MatchReader(Elements elements, Types types, TypeElement agent, TypeElement context) {
        this.elements = elements;
        this.types = types;
        this.agent = agent;
        this.context = context;
    }

    /**
     * Reads the {@code @Match} in {@code member} of {@code owner} on {@code element}.
     *
     * @param entity the entity whose property {@code @Match(entity)} names, or {@code null} when unknown
     */
    Read read(Element element, AnnotationMirror owner, String member, TypeElement entity, ValidationReport report) {
        AnnotationMirror match = Annotations.annotation(elements, owner, member);
        String entityProperty = Annotations.string(elements, match, "entity");
        String contextProperty = Annotations.string(elements, match, "context");
        if (entityProperty.isEmpty() && contextProperty.isEmpty()) {
            return Read.ABSENT;
        }
        if (entityProperty.isEmpty() || contextProperty.isEmpty()) {
            report.reportOnValue(Message.MATCH_ONE_SIDED, element, owner, member);
            return Read.BROKEN;
        }
        Optional<Property> contextSide = Optional.empty();
        if (context != null) {
            contextSide = new BeanProperties(elements, types, context).property(contextProperty);
            if (contextSide.isEmpty()) {
                report.reportOnValue(Message.MATCH_CONTEXT_PROPERTY_MISSING, element, owner, member,
                        agent.getSimpleName(), contextProperty);
            }
        }
        if (entity == null) {
            return contextSide.map(c -> new Read(true, new MatchModel(entityProperty, null, contextProperty,
                    c.accessor()))).orElse(Read.BROKEN);
        }
        Optional<Property> entitySide = new BeanProperties(elements, types, entity).property(entityProperty);
        if (entitySide.isEmpty()) {
            report.reportOnValue(Message.MATCH_ENTITY_PROPERTY_MISSING, element, owner, member, entity.getSimpleName(),
                    entityProperty);
            return Read.BROKEN;
        }
        if (contextSide.isEmpty()) {
            return Read.BROKEN;
        }
        if (!types.isSameType(DeclaredTypes.boxed(types, entitySide.get().type()),
                DeclaredTypes.boxed(types, contextSide.get().type()))) {
            report.reportOnValue(Message.MATCH_TYPES_DIFFER, element, owner, member, entity.getSimpleName(),
                    entityProperty, entitySide.get().type(), agent.getSimpleName(), contextProperty,
                    contextSide.get().type());
            return Read.BROKEN;
        }
        return new Read(true, new MatchModel(entityProperty, entitySide.get().accessor(), contextProperty,
                contextSide.get().accessor()));
    }
}
