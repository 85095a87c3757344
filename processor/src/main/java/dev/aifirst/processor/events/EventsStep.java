package dev.aifirst.processor.events;

import dev.aifirst.processor.base.DeferringStep;
import dev.aifirst.processor.base.EventCatalog;
import dev.aifirst.processor.base.ProcessingContext;
import dev.aifirst.processor.base.ValidationReport;
import dev.aifirst.processor.events.EntityModel.EventModel;
import dev.aifirst.processor.model.GeneratedCode;
import dev.aifirst.processor.model.Resolution;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * {@code @Events} on entities: validates each declaration against its entity, generates
 * {@code <Entity>Events}, lists it in {@code META-INF/services/dev.aifirst.spi.EntityEvents}, and
 * records the events in the {@link EventCatalog} for the steps that refer to them.
 */
public final class EventsStep extends DeferringStep {

    private static final String SERVICE = "dev.aifirst.spi.EntityEvents";

    public EventsStep(ProcessingContext context) {
        super(context);
    }

    @Override
    public Set<String> annotationTypes() {
        return Set.of(EntityEventsReader.EVENTS);
    }

    @Override
    protected Set<TypeElement> classesIn(RoundEnvironment round) {
        Set<TypeElement> entities = new LinkedHashSet<>();
        for (Element element : annotatedWith(round, EntityEventsReader.EVENTS)) {
            entities.add((TypeElement) element);
        }
        return entities;
    }

    @Override
    protected boolean isResolved(TypeElement entity) {
        return Resolution.isResolved(context.types(), entity);
    }

    @Override
    protected void process(TypeElement entity) {
        ValidationReport report = ValidationReport.about(entity);
        Optional<EntityModel> model = new EntityEventsReader(context.elements(), context.types(), report).read(entity);
        if (!context.diagnostics().print(report) || model.isEmpty()) {
            return;
        }
        EventCatalog catalog = context.eventCatalog();
        for (EventModel event : model.get().events()) {
            catalog.register(new EventCatalog.DeclaredEvent(entity.getQualifiedName().toString(), event.name(),
                    event.scheduled(), event.namespace()));
        }
        EntityEventsWriter writer = new EntityEventsWriter(model.get(), GeneratedCode.generatedAnnotation(context.elements()));
        GeneratedCode.write(context.filer(), context.diagnostics(), model.get().generated().packageName(), writer.write(),
                entity);
        context.services().add(SERVICE, model.get().generated().reflectionName());
    }
}
