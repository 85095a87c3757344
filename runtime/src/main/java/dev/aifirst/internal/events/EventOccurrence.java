package dev.aifirst.internal.events;

import dev.aifirst.annotations.Trigger;
import dev.aifirst.events.ClaimRecord;
import dev.aifirst.events.DeliveryRecord;
import dev.aifirst.events.DeliveryStatus;
import dev.aifirst.events.EventContext;
import dev.aifirst.events.EventStatus;
import dev.aifirst.internal.observability.RuntimeMetrics;
import dev.aifirst.internal.persistence.SessionTransactions;
import dev.aifirst.spi.EntityEvents;
import dev.aifirst.spi.EventState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes {@value EventTasks#DUE}: makes one occurrence of an event happen, if it still should
 * (its entity exists, its condition holds now, its date has not moved), and schedules its
 * deliveries, all in one transaction with the row locked. A stale execution does nothing.
 */
final class EventOccurrence {

    private static final Logger LOG = LoggerFactory.getLogger(EventOccurrence.class);

    private final EventRegistry registry;
    private final EventStore events;
    private final DeliveryStore deliveries;
    private final ClaimStore claims;
    private final EventOutbox outbox;
    private final EventContexts contexts;
    private final SessionTransactions transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final RuntimeMetrics metrics;

    EventOccurrence(EventRegistry registry, EventStore events, DeliveryStore deliveries, ClaimStore claims,
            EventOutbox outbox, EventContexts contexts, SessionTransactions transactions, Clock clock,
            RuntimeMetrics metrics) {
        this.metrics = metrics;
        this.registry = registry;
        this.events = events;
        this.deliveries = deliveries;
        this.claims = claims;
        this.outbox = outbox;
        this.contexts = contexts;
        this.transactions = transactions;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    void execute(EventTasks.DueInstance instance) {
        EventRow occurred = transactions.inTransaction(session -> occur(session, instance));
        if (occurred != null) {
            metrics.eventOccurred(occurred.entityType, occurred.declaredName);
        }
    }

    /** Makes the event occur if it is still due; the row if it did, else null. */
    private EventRow occur(Session session, EventTasks.DueInstance instance) throws Exception {
        Connection c = SessionTransactions.connection(session);
        Instant now = clock.instant();
        EventRow row = events.lockRowToOccur(c, instance.eventId());
        if (row == null || row.status != EventStatus.PENDING || row.occurrence != instance.occurrence()) {
            return null; // already occurred, cancelled or re-armed: this execution is stale
        }
        EntityEvents<?> descriptor = registry.descriptorNamed(row.entityType);
        if (descriptor == null) {
            outbox.cancel(c, row, "no entity class " + row.entityType + " declares events any more", now);
            return null;
        }
        Object entity = null;
        if (row.triggerKind != Trigger.DELETE) {
            entity = session.find(descriptor.entityType(), descriptor.parseId(row.entityId));
            if (!stillDue(c, row, descriptor, entity, now)) {
                return null;
            }
        }
        row.status = EventStatus.OCCURRED;
        row.occurredAt = now;
        row.note = null;
        events.update(c, row, now);
        ClaimRecord claim = row.mayBeClaimed ? claims.take(c, row.declaredName, row.name, row.entityId, now) : null;
        scheduleDeliveries(c, row, descriptor.entityType(), claim, now);
        if (!registry.observers().isEmpty()) {
            EventContext<?> context = contexts.ofOccurrence(session, row, descriptor, entity, now);
            for (EventObserver observer : registry.observers()) {
                observer.occurred(context, claim == null ? null : claim.holder(), session);
            }
        }
        LOG.debug("{} occurred", row);
        return row;
    }

    /**
     * Whether the row should occur now, read against the entity as it is: otherwise the row is
     * cancelled, or follows a date moved behind Hibernate's back, or waits for its condition.
     */
    private boolean stillDue(Connection c, EventRow row, EntityEvents<?> descriptor, Object entity, Instant now)
            throws SQLException {
        if (entity == null) {
            outbox.cancel(c, row, "the entity no longer exists", now);
            return false;
        }
        EventState state = stateOf(descriptor, entity, row);
        if (state == null) {
            outbox.cancel(c, row, "the entity declares no event " + row.declaredName + " any more", now);
            return false;
        }
        if (!row.name.equals(state.name()) || !row.namespace.equals(state.namespace())) {
            outbox.cancel(c, row, "superseded by " + state.name() + " [" + state.namespace() + "]", now);
            return false;
        }
        if (state.declaration().scheduled() && (state.dueAt() == null || state.dueAt().isAfter(now))) {
            // The date was cleared or moved behind Hibernate's back: follow the entity.
            row.dueAt = state.dueAt();
            events.update(c, row, now);
            outbox.armDue(c, row, now);
            return false;
        }
        if (!state.condition()) {
            row.note = "its condition did not hold at " + now;
            events.update(c, row, now);
            LOG.debug("{} did not occur: its condition is false", row);
            return false;
        }
        row.watchKey = state.watchKey();
        return true;
    }

    /**
     * One delivery per subscriber of the event and its namespace, at the event's date shifted by its
     * offset; skipped under another's claim.
     */
    private void scheduleDeliveries(Connection c, EventRow row, Class<?> entityClass, ClaimRecord claim, Instant now)
            throws SQLException {
        Instant base = row.dueAt != null ? row.dueAt : now;
        for (EventSubscriber subscriber : registry.subscribers()) {
            if (!subscriber.accepts(entityClass, row.declaredName, row.name, row.namespace)) {
                continue;
            }
            Instant at = EventOutbox.later(base.plus(subscriber.offset()), now);
            if (claim != null && !subscriber.ignoresClaims()) {
                DeliveryRecord delivery = deliveries.add(c, row.id, row.occurrence, subscriber.key(), at, now);
                if (delivery.status() == DeliveryStatus.SCHEDULED) {
                    outbox.skip(c, delivery, "the event is claimed by " + claim.holder(), now);
                }
            } else {
                deliveries.addWithExecution(c, row.id, row.occurrence, subscriber.key(), at, now, EventTasks.DELIVERY);
            }
        }
    }

    /** The state of the row's declaration for the entity as it is now, or null if it is declared no more. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static EventState stateOf(EntityEvents descriptor, Object entity, EventRow row, ZoneId zone) {
        for (Object candidate : descriptor.evaluate(entity, zone)) {
            EventState state = (EventState) candidate;
            if (state.declaration().name().equals(row.declaredName)) {
                return state;
            }
        }
        return null;
    }

    private EventState stateOf(EntityEvents<?> descriptor, Object entity, EventRow row) {
        return stateOf(descriptor, entity, row, zone);
    }
}
