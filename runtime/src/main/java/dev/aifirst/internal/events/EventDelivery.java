package dev.aifirst.internal.events;

import dev.aifirst.annotations.Trigger;
import dev.aifirst.events.DeliveryRecord;
import dev.aifirst.events.DeliveryStatus;
import dev.aifirst.events.EventStatus;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.persistence.DatabaseFailures;
import dev.aifirst.internal.persistence.SessionTransactions;
import dev.aifirst.internal.persistence.StackTraces;
import dev.aifirst.internal.scheduling.Executions;
import dev.aifirst.spi.EntityEvents;
import dev.aifirst.spi.EventState;
import dev.aifirst.spi.RetryPolicy;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes {@value EventTasks#DELIVERY}: runs one subscriber for one occurrence, in a transaction
 * that also marks the delivery done, so that its effects on the application's tables commit once.
 * A failure is recorded in a transaction of its own, and retried under the subscriber's policy.
 */
final class EventDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);

    private final EventRegistry registry;
    private final EventStore events;
    private final DeliveryStore deliveries;
    private final EventOutbox outbox;
    private final EntitySnapshots snapshots = new EntitySnapshots();
    private final Database database;
    private final Executions executions;
    private final SessionTransactions transactions;
    private final Clock clock;
    private final Consumer<Instant> alarm;

    EventDelivery(EventRegistry registry, EventStore events, DeliveryStore deliveries, EventOutbox outbox,
            Database database, SessionTransactions transactions, Clock clock, Consumer<Instant> alarm) {
        this.registry = registry;
        this.events = events;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.database = database;
        this.executions = Executions.of(database);
        this.transactions = transactions;
        this.clock = clock;
        this.alarm = alarm;
    }

    /** The delivery being run, once it was found due: the subscriber's failure is recorded against it. */
    private static final class Attempt {
        DeliveryRecord delivery;
        EventSubscriber subscriber;
    }

    void execute(EventTasks.DeliveryInstance instance) {
        Attempt attempt = new Attempt();
        try {
            transactions.inTransaction(session -> {
                deliver(session, instance, attempt);
                return null;
            });
        } catch (RuntimeException failure) {
            if (attempt.delivery == null || DatabaseFailures.isTransient(failure)) {
                // Our own bookkeeping failed, or the database is away: the execution is tried again,
                // without spending one of the subscriber's attempts.
                throw failure;
            }
            Throwable cause = failure instanceof SessionTransactions.UserCodeFailure user ? user.failure() : failure;
            recordFailure(attempt, instance.attempt(), cause);
        }
    }

    private void deliver(Session session, EventTasks.DeliveryInstance instance, Attempt attempt) throws Exception {
        Connection c = SessionTransactions.connection(session);
        Instant now = clock.instant();
        DeliveryRecord delivery = deliveries.lock(c, instance.deliveryId());
        if (delivery == null || delivery.status() != DeliveryStatus.SCHEDULED
                || delivery.attempts() + 1 != instance.attempt()) {
            return; // done, skipped, or superseded by a later attempt: stale
        }
        attempt.delivery = delivery;
        EventRow row = events.lockRow(c, delivery.eventId());
        attempt.subscriber = registry.subscriber(delivery.subscriber());
        EntityEvents<?> descriptor = row == null ? null : registry.descriptorNamed(row.entityType);
        String skipReason = skipReason(row, delivery, attempt.subscriber, descriptor);
        Object entity = null;
        String unavailable = null;
        if (skipReason == null) {
            if (row.triggerKind == Trigger.DELETE) {
                if (row.snapshot != null) {
                    entity = snapshots.read(row.snapshot, descriptor.entityType());
                } else {
                    unavailable = row.note;
                }
            } else {
                entity = session.find(descriptor.entityType(), descriptor.parseId(row.entityId));
                skipReason = entity == null ? "the entity no longer exists" : earlyDeliverySkipReason(row, descriptor, entity, now);
            }
        }
        if (skipReason != null) {
            outbox.skip(c, delivery, skipReason, now);
            LOG.info("Delivery of {} to {} skipped: {}", row, delivery.subscriber(), skipReason);
            return;
        }
        Instant occurredAt = row.occurredAt != null ? row.occurredAt : row.dueAt;
        attempt.subscriber.deliver(new DeliveredEvent<>(entity, unavailable, row, occurredAt, session), session);
        session.flush();
        deliveries.update(c, delivery.id(), DeliveryStatus.DONE, delivery.dueAt(), instance.attempt(), null, clock.instant());
    }

    /** Why a due delivery cannot run at all, or null. */
    private static String skipReason(EventRow row, DeliveryRecord delivery, EventSubscriber subscriber,
            EntityEvents<?> descriptor) {
        if (row == null) {
            return "its event row no longer exists";
        } else if (subscriber == null) {
            return "no subscriber " + delivery.subscriber() + " in this deployment";
        } else if (descriptor == null) {
            return "no entity class " + row.entityType + " declares events any more";
        } else if (row.status == EventStatus.CANCELLED) {
            return "the event was cancelled: " + row.note;
        } else if (row.occurrence != delivery.occurrence()) {
            return "the event has occurred again since (occurrence " + row.occurrence + ")";
        }
        return null;
    }

    /** An early delivery (negative offset) runs only if the event is still expected. */
    private String earlyDeliverySkipReason(EventRow row, EntityEvents<?> descriptor, Object entity, Instant now) {
        if (row.status != EventStatus.PENDING) {
            return null;
        }
        EventState state = EventOccurrence.stateOf(descriptor, entity, row, clock.getZone());
        return state == null || !state.condition()
                ? "the event's condition did not hold " + Duration.between(now, row.dueAt) + " before its date"
                : null;
    }

    private void recordFailure(Attempt running, int attempt, Throwable cause) {
        DeliveryRecord delivery = running.delivery;
        RetryPolicy retry = running.subscriber.retry();
        Instant[] retryAt = {null};
        database.inTransaction(c -> {
            Instant now = clock.instant();
            DeliveryRecord current = deliveries.lock(c, delivery.id());
            if (current == null || current.status() != DeliveryStatus.SCHEDULED || current.attempts() + 1 != attempt) {
                return null;
            }
            String error = StackTraces.of(cause);
            if (retry.allowsAttemptAfter(attempt) && retry.retries(cause)) {
                Instant next = now.plus(retry.delayAfter(attempt));
                deliveries.update(c, delivery.id(), DeliveryStatus.SCHEDULED, next, attempt, error, null);
                executions.add(c, EventTasks.DELIVERY,
                        new EventTasks.DeliveryInstance(delivery.id(), attempt + 1).id(), next);
                LOG.warn("{} failed (attempt {} of {}), retrying at {}: {}", delivery.subscriber(), attempt,
                        retry.maxAttempts(), next, cause.toString());
                retryAt[0] = next;
            } else {
                deliveries.update(c, delivery.id(), DeliveryStatus.FAILED, delivery.dueAt(), attempt, error, now);
                LOG.error("{} failed for good after {} attempts (delivery {})", delivery.subscriber(), attempt,
                        delivery.id(), cause);
            }
            return null;
        });
        if (retryAt[0] != null) {
            alarm.accept(retryAt[0]);
        }
    }
}
