package dev.aifirst.processor.agents;

import com.palantir.javapoet.ClassName;
import dev.aifirst.processor.agents.AgentModel.HandlerModel;
import dev.aifirst.processor.agents.AgentModel.HeartbeatModel;
import dev.aifirst.processor.agents.AgentModel.MatchModel;
import dev.aifirst.processor.base.Annotations;
import dev.aifirst.processor.base.EventCatalog;
import dev.aifirst.processor.base.Message;
import dev.aifirst.processor.base.ValidationReport;
import dev.aifirst.processor.model.ContextClasses;
import dev.aifirst.processor.model.DeclaredTypes;
import dev.aifirst.processor.model.DurationSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads and checks one {@code @Agent} class: the annotation's values, its {@code Context} and
 * {@code createContext}, its own match, its {@code @Heartbeat}, and (with {@link HandlerReader}) each
 * {@code @Handler}.
 */
final class AgentReader {

    static final String AGENT = "dev.aifirst.annotations.Agent";
    static final String HANDLER = "dev.aifirst.annotations.Handler";
    static final String HEARTBEAT = "dev.aifirst.annotations.Heartbeat";
    static final String EVENT_CONTEXT = "dev.aifirst.events.EventContext";
    static final String AGENT_MEMORY = "dev.aifirst.agents.AgentMemory";
    static final String AGENT_DECISION = "dev.aifirst.agents.AgentDecision";

    private final Elements elements;
    private final Types types;
    private final EventCatalog catalog;
    private final ValidationReport report;

    AgentReader(ProcessingEnvironment env, EventCatalog catalog, ValidationReport report) {
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        this.catalog = catalog;
        this.report = report;
    }

    /** The model of the agent {@code type}, or empty after reporting why there is none. */
    Optional<AgentModel> read(TypeElement type) {
        AnnotationMirror agent = Annotations.find(type, AGENT).orElseThrow();
        if (type.getKind() != ElementKind.CLASS || type.getModifiers().contains(Modifier.ABSTRACT)) {
            report.report(Message.AGENT_NOT_CONCRETE, type, agent);
            return Optional.empty();
        }
        if (type.getModifiers().contains(Modifier.PRIVATE)
                || (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC))
                || type.getNestingKind() == NestingKind.LOCAL) {
            report.report(Message.AGENT_NOT_REACHABLE, type, agent, type.getSimpleName());
            return Optional.empty();
        }
        String name = Annotations.string(elements, agent, "name");
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            report.reportOnValue(Message.AGENT_NAME_INVALID, type, agent, "name");
        }
        String namespace = Annotations.string(elements, agent, "namespace");
        if (namespace.isEmpty()) {
            report.reportOnValue(Message.NAMESPACE_EMPTY, type, agent, "namespace");
        }
        String spawnOn = Annotations.string(elements, agent, "spawnOn");
        Duration heartbeat = Duration.ZERO;
        if (!Annotations.string(elements, agent, "heartbeat").isEmpty()) {
            heartbeat = positive(elements, report, type, agent, "heartbeat");
        }

        TypeElement context = readContext(type, agent);
        TypeElement spawnEntity = null;
        ExecutableElement factory = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(m -> m.getSimpleName().contentEquals("createContext")).findFirst().orElse(null);
        if (factory != null && context != null) {
            spawnEntity = readCreateContext(factory, context);
        } else if (!spawnOn.isEmpty() && context != null) {
            report.reportOnValue(Message.AGENT_CREATE_CONTEXT_MISSING, type, agent, "spawnOn", context.getSimpleName(),
                    type.getSimpleName());
        }
        MatchReader.Read agentMatch = readAgentMatch(type, agent, context, spawnOn, spawnEntity);
        MatchModel match = agentMatch.match();

        HandlerReader handlerReader = new HandlerReader(elements, types, type, context, catalog);
        List<HandlerModel> handlers = new ArrayList<>();
        for (ExecutableElement method : handlerMethods(type)) {
            HandlerModel handler = handlerReader.read(method, agentMatch, spawnEntity, spawnOn, report.subreport(method));
            if (handler != null) {
                handlers.add(handler);
            }
        }
        HeartbeatModel heartbeatMethod = readHeartbeat(type, agent, context, heartbeat);
        if (handlers.isEmpty() && heartbeatMethod == null && report.isClean()) {
            report.report(Message.AGENT_WITHOUT_WORK, type, agent, type.getSimpleName());
        }
        if (!report.isClean() || context == null) {
            return Optional.empty();
        }
        ClassName agentName = ClassName.get(type);
        String prefix = String.join("_", agentName.simpleNames());
        return Optional.of(new AgentModel(type, agentName, ClassName.get(agentName.packageName(), prefix + "Agent"),
                ClassName.get(context), name, spawnOn, spawnEntity == null ? null : ClassName.get(spawnEntity), namespace,
                Annotations.bool(elements, agent, "singleton"), match, heartbeat, heartbeatMethod, List.copyOf(handlers),
                contextKeys(match, handlers), constructible(type)));
    }

    /** A duration that must be longer than zero, or {@code null} after reporting it. */
    static Duration positive(Elements elements, ValidationReport report, Element element, AnnotationMirror annotation,
            String member) {
        Duration duration = DurationSpec.read(elements, report, element, annotation, member, false);
        if (duration != null && duration.isZero()) {
            report.reportOnValue(Message.DURATION_NOT_POSITIVE, element, annotation, member, member,
                    Annotations.string(elements, annotation, member));
            return null;
        }
        return duration;
    }

    private TypeElement readContext(TypeElement type, AnnotationMirror agent) {
        TypeElement context = ContextClasses.find(type);
        if (context == null) {
            report.report(Message.AGENT_CONTEXT_MISSING, type, agent, type.getSimpleName());
            return null;
        }
        String problem = ContextClasses.problem(context);
        if (problem != null) {
            report.report(Message.AGENT_CONTEXT_NOT_CONSTRUCTIBLE, context, type.getSimpleName(), problem);
            return null;
        }
        return context;
    }

    /** The entity of {@code static Context createContext(EventContext<E>)}, or {@code null} after an error. */
    private TypeElement readCreateContext(ExecutableElement factory, TypeElement context) {
        boolean ok = factory.getModifiers().contains(Modifier.STATIC) && !factory.getModifiers().contains(Modifier.PRIVATE)
                && types.isSameType(types.erasure(factory.getReturnType()), types.erasure(context.asType()))
                && factory.getParameters().size() == 1;
        TypeElement entity = ok ? DeclaredTypes.typeArgument(factory.getParameters().get(0).asType(), EVENT_CONTEXT) : null;
        if (entity == null) {
            report.report(Message.AGENT_CREATE_CONTEXT_SIGNATURE, factory, context.getSimpleName());
        }
        return entity;
    }

    private MatchReader.Read readAgentMatch(TypeElement type, AnnotationMirror agent, TypeElement context,
            String spawnOn, TypeElement spawnEntity) {
        MatchReader.Read read = new MatchReader(elements, types, type, context).read(type, agent, "match", spawnEntity,
                report);
        if (read.present() && spawnOn.isEmpty()) {
            report.reportOnValue(Message.AGENT_MATCH_WITHOUT_SPAWN, type, agent, "match", type.getSimpleName());
            return MatchReader.Read.BROKEN;
        }
        return read;
    }

    /** The {@code @Handler} methods, after checking that names are unique. */
    private List<ExecutableElement> handlerMethods(TypeElement type) {
        Map<String, ExecutableElement> byName = new LinkedHashMap<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            Optional<AnnotationMirror> handler = Annotations.find(method, HANDLER);
            if (handler.isPresent() && byName.putIfAbsent(method.getSimpleName().toString(), method) != null) {
                report.report(Message.AGENT_HANDLER_DUPLICATE_NAME, method, handler.get(), type.getSimpleName(),
                        method.getSimpleName());
            }
        }
        return List.copyOf(byName.values());
    }

    private HeartbeatModel readHeartbeat(TypeElement type, AnnotationMirror agent, TypeElement context,
            Duration heartbeat) {
        List<ExecutableElement> methods = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(m -> Annotations.find(m, HEARTBEAT).isPresent()).toList();
        for (ExecutableElement extra : methods.stream().skip(1).toList()) {
            report.report(Message.HEARTBEAT_TWICE, extra, Annotations.find(extra, HEARTBEAT).get(), type.getSimpleName(),
                    methods.get(0).getSimpleName());
        }
        if (methods.isEmpty()) {
            if (heartbeat != null && !heartbeat.isZero()) {
                report.reportOnValue(Message.HEARTBEAT_METHOD_MISSING, type, agent, "heartbeat", type.getSimpleName(),
                        Annotations.string(elements, agent, "heartbeat"));
            }
            return null;
        }
        ExecutableElement method = methods.get(0);
        AnnotationMirror annotation = Annotations.find(method, HEARTBEAT).get();
        if (heartbeat != null && heartbeat.isZero()) {
            report.report(Message.HEARTBEAT_INTERVAL_MISSING, method, annotation, method.getSimpleName(),
                    type.getSimpleName());
            return null;
        }
        boolean returnsDecision = DeclaredTypes.isType(method.getReturnType(), AGENT_DECISION);
        int parameters = method.getParameters().size();
        boolean ok = !method.getModifiers().contains(Modifier.PRIVATE)
                && (returnsDecision || method.getReturnType().getKind() == TypeKind.VOID)
                && (parameters == 1 || parameters == 2)
                && (context == null || types.isSameType(method.getParameters().get(0).asType(), context.asType()))
                && (parameters == 1 || DeclaredTypes.isType(method.getParameters().get(1).asType(), AGENT_MEMORY));
        if (!ok) {
            report.report(Message.HEARTBEAT_SIGNATURE, method, method.getSimpleName());
            return null;
        }
        return new HeartbeatModel(method.getSimpleName().toString(), method.getModifiers().contains(Modifier.STATIC),
                parameters == 2, returnsDecision);
    }

    /** Every context property a match names, once each: the agent's first, then the handlers' in order. */
    private static List<MatchModel> contextKeys(MatchModel match, List<HandlerModel> handlers) {
        Map<String, MatchModel> keys = new LinkedHashMap<>();
        if (match != null) {
            keys.put(match.contextProperty(), match);
        }
        for (HandlerModel handler : handlers) {
            keys.putIfAbsent(handler.match().contextProperty(), handler.match());
        }
        return List.copyOf(keys.values());
    }

    private static boolean constructible(TypeElement type) {
        return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
    }
}
