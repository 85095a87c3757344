package dev.aifirst.processor.base;

import dev.aifirst.processor.base.EventCatalog.DeclaredEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * The event names that {@code @OnEvent}, {@code @Workflow(on)} and {@code @WaitForEvent} refer to,
 * checked in the last round against the {@link EventCatalog}, when every entity of the compilation
 * is known. An event of an entity declared in this compilation must exist (an error); an event no
 * entity here declares may come from another module (a warning).
 */
public final class EventReferences {

    /**
     * One reference. Elements are kept by name: those of an earlier round no longer carry their
     * source position.
     *
     * @param className the class that refers to the event
     * @param methodName the method whose annotation refers to it, or {@code null} for the class's
     * @param annotation the qualified name of the annotation
     * @param member the annotation member holding the name
     * @param event the event name as written
     * @param entity the qualified name of the entity the event belongs to, or {@code null} if unknown
     * @param offset the offset from the event, or {@code null}; a negative one needs a scheduled event
     * @param handler the handler method named in a warning about an unknown event, or {@code null}
     * @param namespace the one namespace the handler or workflow receives (its annotation's
     *     {@code namespace} member), or {@code null} for every namespace
     */
    public record Reference(String className, String methodName, String annotation, String member, String event,
            String entity, Duration offset, String handler, String namespace) {
    }

    private final ProcessingContext context;
    private final List<Reference> references = new ArrayList<>();

    EventReferences(ProcessingContext context) {
        this.context = context;
    }

    public void add(Reference reference) {
        references.add(reference);
    }

    /** Reports every reference to an event that the catalog does not know. */
    public void check() {
        EventCatalog catalog = context.eventCatalog();
        for (Reference reference : references) {
            Element element = element(reference);
            if (element == null) {
                continue;
            }
            AnnotationMirror annotation = Annotations.find(element, reference.annotation()).orElse(null);
            if (annotation == null) {
                continue;
            }
            Location location = Location.of(element, annotation, reference.member());
            List<DeclaredEvent> matches = catalog.lookup(reference.event());
            if (reference.entity() != null && catalog.knowsEntity(reference.entity())) {
                List<DeclaredEvent> own = matches.stream().filter(e -> e.entity().equals(reference.entity())).toList();
                if (own.isEmpty()) {
                    String known = catalog.eventsOf(reference.entity()).stream().map(DeclaredEvent::name)
                            .collect(Collectors.joining(", "));
                    context.diagnostics().report(Message.EVENT_NOT_DECLARED, location, simpleName(reference.entity()),
                            reference.event(), known);
                } else {
                    if (reference.offset() != null && reference.offset().isNegative()
                            && own.stream().noneMatch(DeclaredEvent::scheduled)) {
                        context.diagnostics().report(Message.OFFSET_BEFORE_IMMEDIATE_EVENT,
                                Location.of(element, annotation, "offset"), reference.event(), reference.methodName());
                    }
                    checkNamespace(reference, own, Location.of(element, annotation, "namespace"));
                }
            } else if (matches.isEmpty()) {
                if (reference.handler() != null) {
                    context.diagnostics().report(Message.EVENT_UNKNOWN_TO_HANDLER, location, reference.event(),
                            reference.handler(), simpleName(reference.entity()));
                } else {
                    context.diagnostics().report(Message.EVENT_UNKNOWN_TO_WORKFLOW, location, reference.event());
                }
            }
        }
    }

    /**
     * A subscriber of one namespace must be able to receive the event: the namespace is the event's
     * constant, or fits its template (literal text in place, each placeholder at least one character).
     * An event of another module is not checked: its declaration is not known here.
     */
    private void checkNamespace(Reference reference, List<DeclaredEvent> own, Location location) {
        String namespace = reference.namespace();
        if (namespace == null || own.stream().anyMatch(event -> event.mayRenderNamespace(namespace))) {
            return;
        }
        DeclaredEvent event = own.get(0);
        String subscriber = reference.methodName() != null
                ? "the handler " + reference.methodName()
                : "the workflow " + simpleName(reference.className());
        if (event.namespaceTemplated()) {
            context.diagnostics().report(Message.NAMESPACE_NEVER_RENDERED, location, simpleName(event.entity()),
                    event.name(), event.namespace(), namespace, subscriber);
        } else {
            boolean byDefault = event.namespace().equals("*");
            context.diagnostics().report(Message.NAMESPACE_NEVER_DECLARED, location, simpleName(event.entity()),
                    event.name(), event.namespace(), byDefault ? " (the default)" : "", subscriber, namespace,
                    byDefault ? "declare the event's namespace with @Event(namespace = ...), or leave namespace out here"
                            : "use namespace \"" + event.namespace() + "\", or leave namespace out to receive every"
                                    + " namespace");
        }
    }

    /** The element that carries the reference, as this round sees it. */
    private Element element(Reference reference) {
        TypeElement type = context.elements().getTypeElement(reference.className());
        if (type == null || reference.methodName() == null) {
            return type;
        }
        return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
                .filter(m -> m.getSimpleName().contentEquals(reference.methodName()))
                .filter(m -> Annotations.find(m, reference.annotation()).isPresent())
                .findFirst().orElse(null);
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName == null ? "its entity" : qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
