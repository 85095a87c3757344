package dev.aifirst.internal.events;

import dev.aifirst.internal.deployment.Deployment;
import dev.aifirst.spi.EntityEvents;
import dev.aifirst.spi.EventDeclaration;
import dev.aifirst.spi.EventHandlers;
import dev.aifirst.spi.HandlerDeclaration;
import dev.aifirst.spi.Instances;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the compilation declared about events: the generated {@code <Entity>Events} of each entity,
 * the subscribers of events (generated {@code @OnEvent} dispatchers and the runtime's own), and the
 * observers told of every occurrence. Filled before the runtime starts; read-only afterwards.
 */
public final class EventRegistry {

    private final Map<Class<?>, EntityEvents<?>> descriptorsByClass = new ConcurrentHashMap<>();
    private final Map<String, EntityEvents<?>> descriptorsByName = new HashMap<>();
    private final Map<String, EventSubscriber> subscribers = new LinkedHashMap<>();
    private final List<EventObserver> observers = new ArrayList<>();

    /**
     * Reads the generated registries: the events of every entity (the application's data, whatever
     * runs on it), and the {@code @OnEvent} handlers that {@code deployment} includes.
     */
    EventRegistry(Instances instances, Deployment deployment) {
        for (EntityEvents<?> descriptor : deployment.registrations(EntityEvents.class)) {
            EntityEvents<?> previous = descriptorsByName.put(descriptor.entityType().getName(), descriptor);
            if (previous != null) {
                throw new IllegalStateException("Two event registries for " + descriptor.entityType().getName()
                        + ": " + previous.getClass().getName() + " and " + descriptor.getClass().getName());
            }
            descriptorsByClass.put(descriptor.entityType(), descriptor);
        }
        for (EventHandlers handlers : deployment.registrations(EventHandlers.class)) {
            for (HandlerDeclaration declaration : handlers.handlers()) {
                if (deployment.includes(declaringClass(declaration))) {
                    subscribe(new OnEventSubscriber(handlers, declaration, instances));
                }
            }
        }
    }

    /** The binary name of the class whose method a handler is: its key is {@code <class>#<method>}. */
    private static String declaringClass(HandlerDeclaration declaration) {
        String key = declaration.key();
        int hash = key.indexOf('#');
        return hash < 0 ? key : key.substring(0, hash);
    }

    /** Adds a subscriber; before the runtime starts. */
    public void subscribe(EventSubscriber subscriber) {
        EventSubscriber previous = subscribers.putIfAbsent(subscriber.key(), subscriber);
        if (previous != null) {
            throw new IllegalStateException("Two event subscribers named " + subscriber.key());
        }
    }

    /** Adds an observer of every occurrence; before the runtime starts. */
    public void observe(EventObserver observer) {
        observers.add(observer);
    }

    Collection<EventSubscriber> subscribers() {
        return subscribers.values();
    }

    EventSubscriber subscriber(String key) {
        return subscribers.get(key);
    }

    List<EventObserver> observers() {
        return observers;
    }

    /** The entity classes that declare events. */
    public List<Class<?>> entityTypes() {
        List<Class<?>> types = new ArrayList<>();
        for (EntityEvents<?> descriptor : descriptorsByName.values()) {
            types.add(descriptor.entityType());
        }
        return types;
    }

    boolean isEmpty() {
        return descriptorsByName.isEmpty();
    }

    /** The events of {@code entityClass} (a Hibernate proxy or subclass included), or {@code null}. */
    public EntityEvents<?> descriptorFor(Class<?> entityClass) {
        EntityEvents<?> descriptor = descriptorsByClass.get(entityClass);
        if (descriptor == null && !descriptorsByClass.containsKey(entityClass)) {
            // Hibernate proxies and subclasses: look up the hierarchy once and remember the answer.
            for (Class<?> type = entityClass.getSuperclass(); type != null && descriptor == null; type = type.getSuperclass()) {
                descriptor = descriptorsByClass.get(type);
            }
            if (descriptor != null) {
                descriptorsByClass.put(entityClass, descriptor);
            }
        }
        return descriptor;
    }

    /** The events of the entity class stored as {@code entityType}, or {@code null}. */
    EntityEvents<?> descriptorNamed(String entityType) {
        return descriptorsByName.get(entityType);
    }

    /** The entity class stored as {@code entityType} with events, or {@code null}. */
    Class<?> entityClassNamed(String entityType) {
        EntityEvents<?> descriptor = descriptorNamed(entityType);
        return descriptor == null ? null : descriptor.entityType();
    }

    /**
     * Whether an entity declares {@code eventName}: a declared name (a template included) or a
     * rendering of a template, such as {@code "stage_done:cleaning"} of {@code "stage_done:{stage}"}.
     */
    public boolean declaresEvent(String eventName) {
        for (EntityEvents<?> descriptor : descriptorsByName.values()) {
            for (EventDeclaration declaration : descriptor.declarations()) {
                if (EventNames.names(declaration, eventName)) {
                    return true;
                }
            }
        }
        return false;
    }
}
