package dev.aifirst.processor.events;

import dev.aifirst.processor.Diagnostics;
import dev.aifirst.processor.EventCatalog;
import dev.aifirst.processor.ProcessingContext;
import dev.aifirst.processor.ProcessingStep;
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
public final class EventsStep implements ProcessingStep {

    private static final String SERVICE = "dev.aifirst.spi.EntityEvents";

    private final ProcessingContext context;
    /** Entities whose types were not resolved yet; retried next round. */
    private final Set<String> deferred = new LinkedHashSet<>();

    public EventsStep(ProcessingContext context) {
        this.context = context;
    }

    @Override
    public Set<String> annotationTypes() {
        return Set.of(EntityEventsReader.EVENTS);
    }

    @Override
    public void process(RoundEnvironment round) {
        Set<TypeElement> entities = new LinkedHashSet<>();
        for (String name : deferred) {
            TypeElement type = context.elements().getTypeElement(name);
            if (type != null) {
                entities.add(type);
            }
        }
        deferred.clear();
        TypeElement events = context.elements().getTypeElement(EntityEventsReader.EVENTS);
        if (events != null) {
            for (Element element : round.getElementsAnnotatedWith(events)) {
                entities.add((TypeElement) element);
            }
        }
        for (TypeElement entity : entities) {
            if (!round.processingOver() && !Resolution.isResolved(context.types(), entity)) {
                deferred.add(entity.getQualifiedName().toString());
                continue;
            }
            process(entity);
        }
    }

    private void process(TypeElement entity) {
        Diagnostics diagnostics = new Diagnostics(context.messager());
        Optional<EntityModel> model = new EntityEventsReader(context.elements(), context.types(), diagnostics)
                .read(entity);
        if (model.isEmpty()) {
            return;
        }
        EventCatalog catalog = context.eventCatalog();
        for (EventModel event : model.get().events()) {
            catalog.register(new EventCatalog.DeclaredEvent(entity.getQualifiedName().toString(), event.name(),
                    event.scheduled()));
        }
        EntityEventsWriter writer = new EntityEventsWriter(model.get(), GeneratedCode.generatedAnnotation(context.elements()));
        GeneratedCode.write(context.filer(), context.messager(), model.get().generated().packageName(), writer.write(), entity);
        context.services().add(SERVICE, model.get().generated().reflectionName());
    }

    @Override
    public void finish() {
        // Unresolved entities were processed in the last round anyway; javac reports the missing types.
    }
}
