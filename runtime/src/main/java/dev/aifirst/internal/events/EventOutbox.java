package dev.aifirst.internal.events;

import dev.aifirst.events.DeliveryRecord;
import dev.aifirst.events.DeliveryStatus;
import dev.aifirst.events.EventStatus;
import dev.aifirst.internal.persistence.Dialect;
import dev.aifirst.internal.scheduling.Executions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps an event row's executions in step with the row, in the transaction that changes it (the
 * outbox): the execution that makes the row's occurrence happen, the early deliveries of subscribers
 * with a negative offset, and the removal of both when the row is cancelled or a delivery skipped.
 */
final class EventOutbox {

    private final EventRegistry registry;
    private final EventStore events;
    private final DeliveryStore deliveries;
    private final Dialect dialect;
    private final Executions executions;

    EventOutbox(EventRegistry registry, EventStore events, DeliveryStore deliveries, Dialect dialect,
            Executions executions) {
        this.registry = registry;
        this.events = events;
        this.deliveries = deliveries;
        this.dialect = dialect;
        this.executions = executions;
    }

    /**
     * Inserts new rows and their executions: in one statement on PostgreSQL, in two batches
     * elsewhere, however many entities and events there are.
     */
    void insertFresh(Connection c, List<EventRow> fresh, Instant now) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        if (dialect == Dialect.POSTGRESQL) {
            events.insertAllWithExecutions(c, fresh, EventTasks.DUE, now);
        } else {
            events.insertAll(c, fresh, now);
            List<Executions.NewExecution> executions = new ArrayList<>();
            for (EventRow row : fresh) {
                if (row.dueAt != null) {
                    executions.add(new Executions.NewExecution(EventTasks.DUE, row.dueInstance(), later(row.dueAt, now)));
                }
            }
            this.executions.addAll(c, executions);
        }
        for (EventRow row : fresh) {
            if (row.dueAt != null) {
                armEarlyDeliveries(c, row, now);
            }
        }
    }

    /**
     * Schedules the execution that makes a pending row's occurrence happen (at its date, or now if
     * the date has passed), and its subscribers with a negative offset (before the date).
     */
    void armDue(Connection c, EventRow row, Instant now) throws SQLException {
        if (row.dueAt == null) {
            executions.remove(c, EventTasks.DUE, row.dueInstance());
            return;
        }
        executions.schedule(c, EventTasks.DUE, row.dueInstance(), later(row.dueAt, now));
        armEarlyDeliveries(c, row, now);
    }

    /** Subscribers with a negative offset get their delivery before the event's date. */
    private void armEarlyDeliveries(Connection c, EventRow row, Instant now) throws SQLException {
        Class<?> entityClass = registry.entityClassNamed(row.entityType);
        if (entityClass == null) {
            return;
        }
        for (EventSubscriber subscriber : registry.subscribers()) {
            if (!subscriber.offset().isNegative() || !subscriber.accepts(entityClass, row.declaredName, row.name)) {
                continue;
            }
            Instant at = later(row.dueAt.plus(subscriber.offset()), now);
            DeliveryRecord delivery = deliveries.add(c, row.id, row.occurrence, subscriber.key(), at, now);
            if (delivery.status() == DeliveryStatus.SKIPPED) {
                deliveries.update(c, delivery.id(), DeliveryStatus.SCHEDULED, at, delivery.attempts(), null, null);
            } else if (delivery.status() != DeliveryStatus.SCHEDULED) {
                continue;
            } else if (!delivery.dueAt().equals(at)) {
                deliveries.update(c, delivery.id(), DeliveryStatus.SCHEDULED, at, delivery.attempts(),
                        delivery.lastError(), null);
            }
            executions.schedule(c, EventTasks.DELIVERY,
                    new EventTasks.DeliveryInstance(delivery.id(), delivery.attempts() + 1).id(), at);
        }
    }

    /** The row will not occur: its execution goes, and its scheduled deliveries are skipped. */
    void cancel(Connection c, EventRow row, String why, Instant now) throws SQLException {
        row.status = EventStatus.CANCELLED;
        row.note = why;
        events.update(c, row, now);
        executions.remove(c, EventTasks.DUE, row.dueInstance());
        for (DeliveryRecord delivery : deliveries.scheduledOf(c, row.id)) {
            skip(c, delivery, "the event was cancelled: " + why, now);
        }
    }

    /** A scheduled delivery will not run: recorded as skipped, with why, and its execution removed. */
    void skip(Connection c, DeliveryRecord delivery, String why, Instant now) throws SQLException {
        deliveries.update(c, delivery.id(), DeliveryStatus.SKIPPED, delivery.dueAt(), delivery.attempts(), why, now);
        executions.remove(c, EventTasks.DELIVERY, new EventTasks.DeliveryInstance(delivery.id(), delivery.attempts() + 1).id());
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
