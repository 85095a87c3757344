package dev.aifirst.processor.agents;

import com.palantir.javapoet.ClassName;
import dev.aifirst.processor.agents.AgentModel.HandlerModel;
import dev.aifirst.processor.agents.AgentModel.Input;
import dev.aifirst.processor.agents.AgentModel.MatchModel;
import dev.aifirst.processor.agents.AgentModel.WhenModel;
import dev.aifirst.processor.base.Annotations;
import dev.aifirst.processor.base.EventCatalog;
import dev.aifirst.processor.base.EventCatalog.DeclaredEvent;
import dev.aifirst.processor.base.Message;
import dev.aifirst.processor.base.Suggestions;
import dev.aifirst.processor.base.ValidationReport;
import dev.aifirst.processor.model.BeanProperties;
import dev.aifirst.processor.model.DeclaredTypes;
import dev.aifirst.processor.model.DurationSpec;
import dev.aifirst.processor.model.RetrySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads and checks one {@code @Handler} method of an agent: its parameters, its event and the entity
 * of that event, its durations, its {@code when}, and the match that routes the event to the agent.
 */
final class HandlerReader {

    private final Elements elements;
    private final Types types;
    private final TypeElement agent;
    private final TypeElement context;
    private final EventCatalog catalog;
    private final MatchReader matches;

    /**
     * @param context the agent's {@code Context}, or {@code null} when it has none that works
     */
    HandlerReader(Elements elements, Types types, TypeElement agent, TypeElement context, EventCatalog catalog) {
        this.elements = elements;
        this.types = types;
        this.agent = agent;
        this.context = context;
        this.catalog = catalog;
        this.matches = new MatchReader(elements, types, agent, context);
    }

    /**
     * The model of one handler, or {@code null} after reporting its problems.
     *
     * @param agentMatch the agent's own match as read
     * @param spawnEntity the entity whose event spawns the agent, or {@code null}
     * @param spawnOn that event, or empty
     */
    HandlerModel read(ExecutableElement method, MatchReader.Read agentMatch, TypeElement spawnEntity, String spawnOn,
            ValidationReport report) {
        AnnotationMirror handler = Annotations.find(method, AgentReader.HANDLER).orElseThrow();
        String name = method.getSimpleName().toString();
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            report.report(Message.AGENT_HANDLER_PRIVATE, method, handler, name);
        }
        boolean returnsDecision = DeclaredTypes.isType(method.getReturnType(), AgentReader.AGENT_DECISION);
        if (!returnsDecision && method.getReturnType().getKind() != TypeKind.VOID) {
            report.report(Message.AGENT_HANDLER_RETURNS, method, name, method.getReturnType(), name);
        }
        String event = Annotations.string(elements, handler, "event");
        if (event.isBlank()) {
            report.reportOnValue(Message.AGENT_HANDLER_EVENT_MISSING, method, handler, "event");
        }
        List<Input> inputs = new ArrayList<>();
        TypeElement entity = null;
        for (VariableElement parameter : method.getParameters()) {
            TypeMirror type = parameter.asType();
            Input input = inputOf(type);
            if (input == null) {
                report.report(Message.AGENT_HANDLER_PARAMETER, parameter, name, type, name);
            } else if (inputs.contains(input) || (input == Input.EVENT && inputs.contains(Input.EVENTS))
                    || (input == Input.EVENTS && inputs.contains(Input.EVENT))) {
                report.report(Message.AGENT_HANDLER_PARAMETER_TWICE, parameter, name, type, name);
            } else {
                inputs.add(input);
                if (input == Input.EVENT) {
                    entity = DeclaredTypes.typeArgument(type, AgentReader.EVENT_CONTEXT);
                } else if (input == Input.EVENTS) {
                    entity = DeclaredTypes.listElementArgument(type, AgentReader.EVENT_CONTEXT);
                }
            }
        }
        Duration offset = DurationSpec.read(elements, report, method, handler, "offset", true);
        Duration debounce = Duration.ZERO;
        if (!Annotations.string(elements, handler, "debounce").isEmpty()) {
            debounce = AgentReader.positive(elements, report, method, handler, "debounce");
        }
        checkEventShape(method, handler, inputs, debounce, entity, report);
        if (entity == null && !event.isBlank() && report.isClean()) {
            entity = entityOf(event);
            if (entity == null) {
                report.reportOnValue(Message.AGENT_HANDLER_ENTITY_UNKNOWN, method, handler, "event", event, name);
            }
        }
        if (offset != null && offset.isNegative() && event.equals(spawnOn)) {
            report.reportOnValue(Message.AGENT_HANDLER_BEFORE_SPAWN, method, handler, "offset", name, spawnOn);
        }
        RetrySpec retry = RetrySpec.read(elements, report, method, Annotations.annotation(elements, handler, "retry"),
                false);
        MatchModel match = entity == null ? null : readMatch(method, handler, entity, agentMatch, spawnEntity, report);
        WhenModel when = readWhen(method, handler, report);
        if (!report.isClean()) {
            return null;
        }
        return new HandlerModel(name, method.getModifiers().contains(Modifier.STATIC), List.copyOf(inputs),
                returnsDecision, event, ClassName.get(entity), offset, debounce, retry,
                Annotations.bool(elements, handler, "ignoresClaims"), match, when);
    }

    private Input inputOf(TypeMirror type) {
        if (context != null && types.isSameType(type, context.asType())) {
            return Input.CONTEXT;
        } else if (DeclaredTypes.typeArgument(type, AgentReader.EVENT_CONTEXT) != null) {
            return Input.EVENT;
        } else if (DeclaredTypes.listElementArgument(type, AgentReader.EVENT_CONTEXT) != null) {
            return Input.EVENTS;
        } else if (DeclaredTypes.isType(type, AgentReader.AGENT_MEMORY)) {
            return Input.MEMORY;
        }
        return null;
    }

    /** A debounced handler takes its events as a list, and only a debounced one does. */
    private void checkEventShape(ExecutableElement method, AnnotationMirror handler, List<Input> inputs,
            Duration debounce, TypeElement entity, ValidationReport report) {
        String name = method.getSimpleName().toString();
        String entityName = entity == null ? "Entity" : entity.getSimpleName().toString();
        boolean debounced = debounce == null || !debounce.isZero();
        if (debounced && !inputs.contains(Input.EVENTS)) {
            String written = inputs.contains(Input.EVENT) ? "EventContext<" + entityName + ">" : "no event";
            report.reportOnValue(Message.DEBOUNCED_HANDLER_WITHOUT_LIST, method, handler, "debounce", name, entityName,
                    written);
        } else if (!debounced && inputs.contains(Input.EVENTS)) {
            report.report(Message.EVENT_LIST_WITHOUT_DEBOUNCE, method, handler, name, entityName);
        }
    }

    /** The one entity of this compilation that declares {@code event}, or {@code null}. */
    private TypeElement entityOf(String event) {
        Set<String> entities = catalog.lookup(event).stream().map(DeclaredEvent::entity).collect(Collectors.toSet());
        return entities.size() == 1 ? elements.getTypeElement(entities.iterator().next()) : null;
    }

    /**
     * The handler's own match; else the agent's, for an event of the spawning entity; else an error
     * that says which match to add.
     */
    private MatchModel readMatch(ExecutableElement method, AnnotationMirror handler, TypeElement entity,
            MatchReader.Read agentRead, TypeElement spawnEntity, ValidationReport report) {
        MatchReader.Read own = matches.read(method, handler, "match", entity, report);
        if (own.present()) {
            return own.match();
        }
        MatchModel agentMatch = agentRead.match();
        if (agentMatch != null && spawnEntity != null && types.isSameType(entity.asType(), spawnEntity.asType())) {
            return agentMatch;
        }
        if (context == null || (agentRead.present() && agentMatch == null)) {
            return null; // the agent's own match or context is broken, and reported: no guess at a remedy
        }
        String contextProperty = agentMatch != null ? agentMatch.contextProperty() : "<a property of Context>";
        BeanProperties properties = new BeanProperties(elements, types, entity);
        String entityProperty = agentMatch != null && properties.property(agentMatch.contextProperty()).isPresent()
                ? agentMatch.contextProperty()
                : "<a property of " + entity.getSimpleName() + ">";
        report.report(Message.AGENT_HANDLER_UNRELATED, method, handler, method.getSimpleName(), entity.getSimpleName(),
                entityProperty, contextProperty);
        return null;
    }

    private WhenModel readWhen(ExecutableElement method, AnnotationMirror handler, ValidationReport report) {
        String when = Annotations.string(elements, handler, "when");
        if (when.isEmpty()) {
            return null;
        }
        String name = method.getSimpleName().toString();
        List<ExecutableElement> candidates = ElementFilter.methodsIn(agent.getEnclosedElements()).stream()
                .filter(m -> m.getSimpleName().contentEquals(when)).toList();
        if (candidates.isEmpty()) {
            List<String> names = ElementFilter.methodsIn(agent.getEnclosedElements()).stream()
                    .map(m -> m.getSimpleName().toString()).toList();
            String hint = Suggestions.closest(when, names).map(s -> " did you mean " + s + "?").orElse("");
            report.reportOnValue(Message.AGENT_WHEN_MISSING, method, handler, "when", agent.getSimpleName(), when, name,
                    hint);
            return null;
        }
        ExecutableElement candidate = candidates.get(0);
        List<Input> inputs = new ArrayList<>();
        boolean ok = !candidate.getModifiers().contains(Modifier.PRIVATE)
                && candidate.getReturnType().getKind() == TypeKind.BOOLEAN;
        for (VariableElement parameter : candidate.getParameters()) {
            Input input = inputOf(parameter.asType());
            boolean handlerTakesIt = method.getParameters().stream()
                    .anyMatch(p -> types.isSameType(p.asType(), parameter.asType()));
            if (input == null || input == Input.MEMORY || !handlerTakesIt || inputs.contains(input)) {
                ok = false;
            } else {
                inputs.add(input);
            }
        }
        if (!ok) {
            report.reportOnValue(Message.AGENT_WHEN_SIGNATURE, method, handler, "when", when, name, when);
            return null;
        }
        return new WhenModel(when, candidate.getModifiers().contains(Modifier.STATIC), List.copyOf(inputs));
    }
}
