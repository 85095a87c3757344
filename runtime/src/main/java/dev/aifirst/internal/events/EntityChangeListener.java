package dev.aifirst.internal.events;

import dev.aifirst.annotations.Trigger;
import dev.aifirst.spi.EntityEvents;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Hears every insert, update and delete Hibernate writes, and records those of entities with
 * {@code @Events} for the transaction's end, where {@link TransactionChanges} syncs their rows.
 */
final class EntityChangeListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    private volatile EventEngine engine;
    /** The changes of each open transaction, by its session; removed when the transaction ends. */
    private final Map<Session, TransactionChanges> changesBySession = new ConcurrentHashMap<>();

    private EntityChangeListener(EventEngine engine) {
        this.engine = engine;
    }

    /**
     * Hooks the engine into a session factory. Hibernate allows one listener of a class per event
     * type, so a runtime restarted on the same session factory takes over the listener already there.
     */
    static void attach(SessionFactoryImplementor sessionFactory, EventEngine engine) {
        // Looked up as a service, which works in Hibernate 6.6 as well as 7.x.
        EventListenerRegistry registry = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
        for (Object existing : registry.getEventListenerGroup(EventType.POST_INSERT).listeners()) {
            if (existing instanceof EntityChangeListener listener) {
                listener.engine = engine;
                return;
            }
        }
        EntityChangeListener listener = new EntityChangeListener(engine);
        registry.appendListeners(EventType.POST_INSERT, listener);
        registry.appendListeners(EventType.POST_UPDATE, listener);
        registry.appendListeners(EventType.POST_DELETE, listener);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        record(event.getEntity(), event.getId(), EventSessions.of(event), Trigger.CREATE);
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        record(event.getEntity(), event.getId(), EventSessions.of(event), Trigger.UPDATE);
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        record(event.getEntity(), event.getId(), EventSessions.of(event), Trigger.DELETE);
    }

    // The three events share no supertype that both Hibernate 6.6 and 7 have, hence the parts.
    private void record(Object entity, Object id, Session session, Trigger trigger) {
        EventEngine engine = this.engine;
        EntityEvents<?> descriptor = engine.registry().descriptorFor(entity.getClass());
        if (descriptor == null) {
            return;
        }
        if (!engine.running()) {
            throw new IllegalStateException(descriptor.entityType().getSimpleName() + " declares @Events but the AI-First"
                    + " runtime bound to this EntityManagerFactory is stopped; its event rows would fall out of step."
                    + " Start the runtime before writing such entities, or close the EntityManagerFactory with it.");
        }
        changesOf(engine, session).record(descriptor, entity, id, trigger);
    }

    private TransactionChanges changesOf(EventEngine engine, Session session) {
        return changesBySession.computeIfAbsent(session, s -> {
            TransactionChanges changes = new TransactionChanges(engine, s, () -> changesBySession.remove(s));
            changes.register();
            return changes;
        });
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }
}
