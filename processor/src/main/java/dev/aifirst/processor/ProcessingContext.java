package dev.aifirst.processor;

import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** What every step needs from javac, plus the registries shared between steps. */
public final class ProcessingContext {

    private final ProcessingEnvironment env;
    private final ServiceRegistry services;
    private final EventCatalog eventCatalog = new EventCatalog();

    ProcessingContext(ProcessingEnvironment env, ServiceRegistry services) {
        this.env = env;
        this.services = services;
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

    public Messager messager() {
        return env.getMessager();
    }

    public Filer filer() {
        return env.getFiler();
    }

    /** Collects {@code META-INF/services} entries; written once in the last round. */
    public ServiceRegistry services() {
        return services;
    }

    /** The events declared in this compilation, filled by the events step. */
    public EventCatalog eventCatalog() {
        return eventCatalog;
    }
}
