package dev.aifirst.processor.handlers;

import dev.aifirst.processor.base.Annotations;
import dev.aifirst.processor.base.DeferringStep;
import dev.aifirst.processor.base.EventReferences.Reference;
import dev.aifirst.processor.base.ProcessingContext;
import dev.aifirst.processor.base.ValidationReport;
import dev.aifirst.processor.handlers.HandlerClassModel.Handler;
import dev.aifirst.processor.model.GeneratedCode;
import dev.aifirst.processor.model.NamespaceSpec;
import dev.aifirst.processor.model.Resolution;
import dev.aifirst.processor.model.RetrySpec;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * {@code @OnEvent} methods: has {@link OnEventReader} validate each class's handlers, generates one
 * {@code <Class>EventHandlers} dispatcher per class, lists it in
 * {@code META-INF/services/dev.aifirst.spi.EventHandlers}, and records the events the handlers refer
 * to, checked once every entity of the compilation is known.
 */
public final class OnEventStep extends DeferringStep {

    private static final String SERVICE = "dev.aifirst.spi.EventHandlers";

    public OnEventStep(ProcessingContext context) {
        super(context);
    }

    @Override
    public Set<String> annotationTypes() {
        return Set.of(OnEventReader.ON_EVENT);
    }

    @Override
    protected Set<TypeElement> classesIn(RoundEnvironment round) {
        Set<TypeElement> classes = new LinkedHashSet<>();
        for (Element method : annotatedWith(round, OnEventReader.ON_EVENT)) {
            if (method.getEnclosingElement() instanceof TypeElement type) {
                classes.add(type);
            }
        }
        return classes;
    }

    /**
     * Whether the handler signatures, the {@code @OnEvent} values (often generated constants) and the
     * classes their {@code @Retry} names are resolved.
     */
    @Override
    protected boolean isResolved(TypeElement type) {
        for (ExecutableElement method : OnEventReader.handlerMethods(type)) {
            for (VariableElement parameter : method.getParameters()) {
                if (!Resolution.isResolved(parameter.asType())) {
                    return false;
                }
            }
            AnnotationMirror annotation = Annotations.find(method, OnEventReader.ON_EVENT).orElseThrow();
            AnnotationValue value = Annotations.explicitValue(annotation, "value");
            if (value == null || !Resolution.isResolvedValue(value.getValue()) || !RetrySpec.isResolved(annotation)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void process(TypeElement type) {
        ValidationReport report = ValidationReport.about(type);
        Optional<HandlerClassModel> model = new OnEventReader(context.elements(), report).read(type);
        if (!context.diagnostics().print(report) || model.isEmpty()) {
            return;
        }
        String className = type.getQualifiedName().toString();
        for (Handler handler : model.get().handlers()) {
            context.eventReferences().add(new Reference(className, handler.method(), OnEventReader.ON_EVENT, "value",
                    handler.event(), handler.entityName(), handler.offset(), handler.method(),
                    NamespaceSpec.isAll(handler.namespace()) ? null : handler.namespace()));
        }
        EventHandlersWriter writer = new EventHandlersWriter(model.get(), GeneratedCode.generatedAnnotation(context.elements()));
        GeneratedCode.write(context.filer(), context.diagnostics(), model.get().generated().packageName(), writer.write(),
                type);
        context.services().add(SERVICE, model.get().generated().reflectionName());
    }
}
