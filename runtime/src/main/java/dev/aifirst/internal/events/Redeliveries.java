package dev.aifirst.internal.events;

import dev.aifirst.Audit;
import dev.aifirst.OperationRefusedException;
import dev.aifirst.events.DeliveryQuery;
import dev.aifirst.events.DeliveryRecord;
import dev.aifirst.events.DeliveryStatus;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.scheduling.Executions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An operator's redeliveries of failed deliveries: the delivery is scheduled again now with its
 * attempts reset, its execution written in the same transaction, and an audit row that keeps who
 * asked, why, and what the delivery had come to. The bulk form goes through the failed deliveries of
 * a query a delivery at a time, leaving the ones that would be refused.
 */
final class Redeliveries {

    static final String ACTION = "redeliver";
    /** Deliveries read per page by the bulk form. */
    static final int BATCH = 100;

    private static final Logger LOG = LoggerFactory.getLogger(Redeliveries.class);

    private final Database database;
    private final DeliveryStore deliveries;
    private final EventRegistry registry;
    private final Clock clock;

    Redeliveries(Database database, DeliveryStore deliveries, EventRegistry registry, Clock clock) {
        this.database = database;
        this.deliveries = deliveries;
        this.registry = registry;
        this.clock = clock;
    }

    /** Redelivers one failed delivery; the delivery as it is now. */
    DeliveryRecord redeliver(long deliveryId, Audit audit) {
        return database.inTransaction(c -> redeliver(c, deliveryId, audit));
    }

    /** Redelivers every failed delivery {@code query} selects that can be; how many were. */
    int redeliverAll(DeliveryQuery query, Audit audit) {
        DeliveryQuery failed = query.status(DeliveryStatus.FAILED);
        int done = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<DeliveryRecord> page = database.inAutoCommit(c -> deliveries.page(c, failed, from, BATCH));
            for (DeliveryRecord delivery : page) {
                try {
                    database.inTransaction(c -> redeliver(c, delivery.id(), audit));
                    done++;
                } catch (OperationRefusedException refused) {
                    LOG.warn("Bulk redelivery: {}", refused.getMessage());
                }
            }
            if (page.size() < BATCH) {
                return done;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    private DeliveryRecord redeliver(Connection c, long deliveryId, Audit audit) throws SQLException {
        DeliveryRecord delivery = deliveries.lock(c, deliveryId);
        if (delivery == null) {
            throw new IllegalArgumentException("There is no delivery " + deliveryId + " to redeliver");
        }
        if (delivery.status() != DeliveryStatus.FAILED) {
            throw refused(delivery, "it did not fail; only a FAILED delivery can be redelivered");
        }
        if (registry.subscriber(delivery.subscriber()) == null) {
            throw refused(delivery, "its handler is not deployed here, so it would be skipped");
        }
        Instant now = clock.instant();
        EventTasks.DeliveryInstance first = new EventTasks.DeliveryInstance(delivery.id(), 1);
        if (!Executions.of(database).add(c, EventTasks.DELIVERY, first.id(), now)) {
            // The execution of its first attempt is still being finished by the scheduler.
            throw refused(delivery, "its last attempt is still finishing; redeliver it in a moment");
        }
        deliveries.update(c, delivery.id(), DeliveryStatus.SCHEDULED, now, 0, delivery.lastError(), null);
        DeliveryAuditStore.add(c, delivery, ACTION, audit, now);
        LOG.info("Delivery {} to {} redelivered by {}", delivery.id(), delivery.subscriber(), audit);
        return new DeliveryRecord(delivery.id(), delivery.eventId(), delivery.occurrence(), delivery.subscriber(),
                DeliveryStatus.SCHEDULED, now, 0, delivery.lastError(), null);
    }

    private static OperationRefusedException refused(DeliveryRecord delivery, String why) {
        return new OperationRefusedException("Cannot redeliver delivery " + delivery.id() + " of event "
                + delivery.eventId() + " (occurrence " + delivery.occurrence() + ") to " + delivery.subscriber()
                + " (" + delivery.status() + "): " + why);
    }
}
