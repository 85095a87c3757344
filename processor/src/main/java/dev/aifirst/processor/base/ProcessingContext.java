package dev.aifirst.processor.base;

import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** What every step needs from javac, plus the registries shared between steps. */
public final class ProcessingContext {

    private final ProcessingEnvironment env;
    private final Diagnostics diagnostics;
    private final ServiceRegistry services;
    private final EventCatalog eventCatalog = new EventCatalog();
    private final EventReferences eventReferences;

    public ProcessingContext(ProcessingEnvironment env) {
        this.env = env;
        this.diagnostics = new Diagnostics(env.getMessager());
        this.services = new ServiceRegistry(env.getFiler(), diagnostics);
        this.eventReferences = new EventReferences(this);
    }

    public ProcessingEnvironment env() {
        return env;
    }

    public Elements elements() {
        return env.getElementUtils();
    }

    public Types types() {
        return env.getTypeUtils();
    }

    public Filer filer() {
        return env.getFiler();
    }

    /** Where every error and warning goes. */
    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** Collects {@code META-INF/services} entries; written once in the last round. */
    public ServiceRegistry services() {
        return services;
    }

    /** The events declared in this compilation, filled by the events step. */
    public EventCatalog eventCatalog() {
        return eventCatalog;
    }

    /** The event names that handlers and workflows refer to, checked against the catalog at the end. */
    public EventReferences eventReferences() {
        return eventReferences;
    }
}
