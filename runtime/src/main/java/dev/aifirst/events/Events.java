package dev.aifirst.events;

import dev.aifirst.Audit;
import dev.aifirst.OperationRefusedException;
import dev.aifirst.Page;
import dev.aifirst.PageRequest;
import java.time.Instant;

/**
 * {@code runtime.events()}: the business events as stored, their deliveries to handlers, the claims
 * in force, an operator's redelivery of failed deliveries, and repairs after changes made behind
 * Hibernate's back. Every list is read a page at a time.
 */
public interface Events {

    /** The events {@code query} selects, in the order they were first recorded. */
    Page<EventRecord> list(EventQuery query, PageRequest page);

    /** How many events {@code query} selects: for an overview, without reading them. */
    long count(EventQuery query);

    /** One event of an entity by its rendered name, in the default namespace {@code *}; or {@code null}. */
    EventRecord find(Class<?> entityType, Object entityId, String name);

    /** The deliveries {@code query} selects, in the order they were recorded. */
    Page<DeliveryRecord> deliveries(DeliveryQuery query, PageRequest page);

    /**
     * An operator redelivers a {@code FAILED} delivery: its handler runs again, now, with its attempts
     * counted from 0 under its {@code @Retry} policy. The event is the same occurrence; the handler
     * receives it as it would have the first time (the entity as it is now). An audit row keeps who
     * asked, when, why, and what the delivery had come to ({@link #audits}).
     *
     * @return the delivery as it is now: {@code SCHEDULED}
     * @throws IllegalArgumentException if there is no delivery {@code deliveryId}
     * @throws OperationRefusedException if the delivery did not fail (it is scheduled, done or
     *     skipped), or its handler is not deployed here; nothing is changed
     */
    DeliveryRecord redeliver(long deliveryId, Audit audit);

    /** {@link #redeliver(long, Audit)}, audited as {@link Audit#ofThisProcess()}. */
    default DeliveryRecord redeliver(long deliveryId) {
        return redeliver(deliveryId, Audit.ofThisProcess());
    }

    /**
     * Redelivers every {@code FAILED} delivery {@code query} selects, each as
     * {@link #redeliver(long, Audit)} in a transaction of its own. A delivery whose handler is not
     * deployed here is left as it is, with a warning in the log.
     *
     * @return how many deliveries were redelivered
     * @throws IllegalArgumentException if {@code query} selects a status other than {@code FAILED}
     */
    int redeliver(DeliveryQuery query, Audit audit);

    /** The operator actions on one delivery, oldest first. */
    Page<DeliveryAudit> audits(long deliveryId, PageRequest page);

    /** How many deliveries {@code query} selects. */
    long count(DeliveryQuery query);

    /** The {@link Claims claims} in force now, oldest first. */
    Page<ClaimRecord> claims(PageRequest page);

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
    int resync(Class<?> entityClass);

    /**
     * Deletes history that can never matter again: finished deliveries (with their audit rows) and
     * never-occurred cancelled events last changed before {@code before}. Rows that remember an
     * occurrence are kept, so a purge never lets an old event occur again.
     *
     * @return the number of rows deleted
     */
    int purge(Instant before);
}
