package dev.aifirst.processor.agents;

import com.palantir.javapoet.AnnotationSpec;
import dev.aifirst.processor.agents.AgentModel.HandlerModel;
import dev.aifirst.processor.base.Annotations;
import dev.aifirst.processor.base.DeferringStep;
import dev.aifirst.processor.base.EventReferences.Reference;
import dev.aifirst.processor.base.Location;
import dev.aifirst.processor.base.Message;
import dev.aifirst.processor.base.ProcessingContext;
import dev.aifirst.processor.base.ValidationReport;
import dev.aifirst.processor.model.GeneratedCode;
import dev.aifirst.processor.model.Resolution;
import dev.aifirst.processor.model.RetrySpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * {@code @Agent} classes: has {@link AgentReader} validate each one, generates {@code <Name>Agent},
 * lists it in {@code META-INF/services/dev.aifirst.spi.AgentDefinition}, and records the events the
 * agents refer to, checked once every entity of the compilation is known.
 */
public final class AgentsStep extends DeferringStep {

    private static final String SERVICE = "dev.aifirst.spi.AgentDefinition";

    private final Map<String, String> classByAgentName = new HashMap<>();

    public AgentsStep(ProcessingContext context) {
        super(context);
    }

    @Override
    public Set<String> annotationTypes() {
        return Set.of(AgentReader.AGENT, AgentReader.HANDLER, AgentReader.HEARTBEAT);
    }

    @Override
    protected Set<TypeElement> classesIn(RoundEnvironment round) {
        Set<TypeElement> classes = new LinkedHashSet<>();
        for (Element element : annotatedWith(round, AgentReader.AGENT)) {
            classes.add((TypeElement) element);
        }
        return classes;
    }

    /** An agent refers to events by generated constants, and to types that may be generated later. */
    @Override
    protected boolean isResolved(TypeElement type) {
        if (!Resolution.isResolved(context.types(), type)) {
            return false;
        }
        for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
            if (!Resolution.isResolved(context.types(), nested)) {
                return false;
            }
        }
        List<AnnotationValue> values = new ArrayList<>();
        Annotations.find(type, AgentReader.AGENT).map(a -> Annotations.explicitValue(a, "spawnOn")).ifPresent(values::add);
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            Optional<AnnotationMirror> handler = Annotations.find(method, AgentReader.HANDLER);
            if (handler.isPresent()) {
                values.add(Annotations.explicitValue(handler.get(), "event"));
                if (!RetrySpec.isResolved(handler.get())) {
                    return false;
                }
            }
        }
        return values.stream().allMatch(v -> v == null || Resolution.isResolvedValue(v.getValue()));
    }

    /** A {@code @Handler} or {@code @Heartbeat} outside an {@code @Agent} would be ignored silently; it is an error. */
    @Override
    protected void beforeClasses(RoundEnvironment round) {
        reportOutsideAgents(round, AgentReader.HANDLER, Message.AGENT_HANDLER_OUTSIDE_AGENT);
        reportOutsideAgents(round, AgentReader.HEARTBEAT, Message.HEARTBEAT_OUTSIDE_AGENT);
    }

    private void reportOutsideAgents(RoundEnvironment round, String annotation, Message message) {
        for (Element method : annotatedWith(round, annotation)) {
            Element owner = method.getEnclosingElement();
            if (Annotations.find(owner, AgentReader.AGENT).isEmpty()) {
                context.diagnostics().report(message, Location.of(method, Annotations.find(method, annotation).orElseThrow()),
                        method.getSimpleName(), owner.getSimpleName());
            }
        }
    }

    @Override
    protected void process(TypeElement type) {
        ValidationReport report = ValidationReport.about(type);
        Optional<AgentModel> read = new AgentReader(context.env(), context.eventCatalog(), report).read(type);
        read.ifPresent(model -> checkUniqueName(type, model, report));
        if (!context.diagnostics().print(report) || read.isEmpty()) {
            return;
        }
        AgentModel model = read.get();
        String className = type.getQualifiedName().toString();
        if (!model.spawnOn().isEmpty()) {
            context.eventReferences().add(new Reference(className, null, AgentReader.AGENT, "spawnOn", model.spawnOn(),
                    model.spawnEntity() == null ? null : model.spawnEntity().canonicalName(), null, null,
                    "*".equals(model.namespace()) ? null : model.namespace()));
        }
        for (HandlerModel handler : model.handlers()) {
            context.eventReferences().add(new Reference(className, handler.method(), AgentReader.HANDLER, "event",
                    handler.event(), handler.entity().canonicalName(), handler.offset(), null, null));
        }
        AnnotationSpec generated = GeneratedCode.generatedAnnotation(context.elements());
        GeneratedCode.write(context.filer(), context.diagnostics(), model.generated().packageName(),
                new AgentWriter(model, generated).dispatcher(), type);
        context.services().add(SERVICE, model.generated().reflectionName());
    }

    /** Agents are stored under their name, so two classes may not share one. */
    private void checkUniqueName(TypeElement type, AgentModel model, ValidationReport report) {
        String className = type.getQualifiedName().toString();
        String other = classByAgentName.putIfAbsent(model.name(), className);
        if (other != null && !other.equals(className)) {
            AnnotationMirror agent = Annotations.find(type, AgentReader.AGENT).orElseThrow();
            report.reportOnValue(Message.DUPLICATE_AGENT_NAME, type, agent, "name", model.name(), other, className);
        }
    }
}
