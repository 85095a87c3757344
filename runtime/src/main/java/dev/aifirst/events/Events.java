package dev.aifirst.events;

import dev.aifirst.annotations.Trigger;
import dev.aifirst.spi.EntityEvents;
import java.sql.Connection;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;

/** {@code runtime.events()}: what the business events are, and repairs after bulk changes. */
public final class Events {

    private final EventEngine engine;

    public Events(EventEngine engine) {
        this.engine = engine;
    }

    /** The events of one entity, by date. */
    public List<EventRecord> of(Class<?> entityType, Object entityId) {
        String type = registered(entityType).entityType().getName();
        return query("entity_type = ? AND entity_id = ?", type, String.valueOf(entityId));
    }

    /** One event of an entity by its rendered name, in the default namespace. */
    public EventRecord find(Class<?> entityType, Object entityId, String name) {
        return of(entityType, entityId).stream()
                .filter(e -> e.name().equals(name) && e.namespace().equals("*"))
                .findFirst().orElse(null);
    }

    /** Every event with this status, by date. */
    public List<EventRecord> withStatus(EventStatus status) {
        return query("status = ?", status.name());
    }

    /** Pending events due in {@code [from, to)}, by date. */
    public List<EventRecord> dueBetween(Instant from, Instant to) {
        return query("status = ? AND due_at >= ? AND due_at < ?", EventStatus.PENDING.name(), from, to);
    }

    /** The deliveries of one event to its handlers, by date. */
    public List<DeliveryRecord> deliveries(long eventId) {
        return engine.database().inTransaction(c -> engine.store().queryDeliveries(c, "event_id = ?", eventId));
    }

    /** The {@link Claims claims} in force now, oldest first. */
    public List<ClaimRecord> claims() {
        return engine.database().inTransaction(c -> engine.claims().active(c, engine.clock().instant()));
    }

    /** Deliveries whose every attempt failed. */
    public List<DeliveryRecord> failedDeliveries() {
        return deliveriesWithStatus(DeliveryStatus.FAILED);
    }

    public List<DeliveryRecord> deliveriesWithStatus(DeliveryStatus status) {
        return engine.database().inTransaction(c -> engine.store().queryDeliveries(c, "status = ?", status.name()));
    }

    /**
     * Repairs the event rows of one entity class after changes made behind Hibernate's back (bulk
     * SQL, another application): dates follow the entities, events of deleted entities are
     * cancelled, and entities that have no rows at all get those of a creation. Scheduled events
     * declared after an entity was created (or renamed in code) get their rows, to occur at their
     * dates. Updates cannot be told apart from here, so events that occur only on {@code UPDATE} are
     * not made to occur. Run it after deploying code that adds or renames scheduled events.
     *
     * @return the number of entities examined
     */
    public int resync(Class<?> entityClass) {
        EntityEvents<?> descriptor = registered(entityClass);
        String type = descriptor.entityType().getName();
        Set<String> seen = new HashSet<>();
        int[] count = {0};
        engine.inHibernateTransaction(session -> {
            Connection c = EventEngine.connection(session);
            Set<String> withRows = new HashSet<>(engine.store().entityIds(c, type));
            try (ScrollableResults<?> entities = session
                    .createSelectionQuery("from " + descriptor.entityType().getName(), descriptor.entityType())
                    .scroll(ScrollMode.FORWARD_ONLY)) {
                while (entities.next()) {
                    Object entity = entities.get();
                    String id = String.valueOf(idOf(descriptor, entity));
                    seen.add(id);
                    engine.sync(c, descriptor, entity, id, withRows.contains(id) ? Trigger.UPDATE : Trigger.CREATE, true);
                    session.detach(entity);
                    count[0]++;
                }
            }
            for (String id : withRows) {
                if (!seen.contains(id)) {
                    engine.cancelAllOf(c, type, id, "the entity no longer exists (found by resync)");
                }
            }
            return null;
        });
        engine.wakeUp();
        return count[0];
    }

    /**
     * Deletes history that can never matter again: finished deliveries and never-occurred cancelled
     * events last changed before {@code before}. Rows that remember an occurrence are kept, so a
     * purge never lets an old event occur again.
     *
     * @return the number of rows deleted
     */
    public int purge(Instant before) {
        return engine.database().inTransaction(c -> engine.store().purge(c, before));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object idOf(EntityEvents descriptor, Object entity) {
        return descriptor.id(entity);
    }

    private EntityEvents<?> registered(Class<?> entityType) {
        Objects.requireNonNull(entityType, "entityType");
        EntityEvents<?> descriptor = engine.descriptorFor(entityType);
        if (descriptor == null) {
            throw new IllegalArgumentException(entityType.getName() + " declares no @Events (entities with events: "
                    + engine.entityTypes() + ")");
        }
        return descriptor;
    }

    private List<EventRecord> query(String where, Object... parameters) {
        return engine.database().inTransaction(c -> engine.store().query(c, where, parameters)
                .stream().map(EventRow::toRecord).toList());
    }

}
