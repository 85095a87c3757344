package dev.aifirst.internal.events;

import dev.aifirst.annotations.Trigger;
import dev.aifirst.internal.persistence.PersistenceException;
import dev.aifirst.internal.persistence.SessionTransactions;
import dev.aifirst.spi.EntityEvents;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * The changes to entities with events in one transaction. Synced once, just before the commit
 * (after Hibernate's last flush), on the transaction's own connection: the event rows and the
 * executions that make them occur commit or roll back with the entities. After a commit the
 * scheduler is woken so immediate events do not wait for the next poll.
 *
 * <p>It is a local {@link Synchronization} of the session's transaction coordinator: Hibernate calls
 * those after its own before-completion flush, for resource-local and JTA transactions alike, and the
 * mechanism is the same in Hibernate 6.6 and 7.x (unlike the action queue's callbacks, whose API
 * changed in 7.2).
 */
final class TransactionChanges implements Synchronization {

    private record Key(String entityType, String id) {
    }

    private static final class Change {
        final EntityEvents<?> descriptor;
        Object entity;
        Trigger trigger;

        Change(EntityEvents<?> descriptor, Object entity, Trigger trigger) {
            this.descriptor = descriptor;
            this.entity = entity;
            this.trigger = trigger;
        }
    }

    private final EventEngine engine;
    private final Session session;
    private final Runnable onEnd;
    private final Map<Key, Change> changes = new LinkedHashMap<>();

    TransactionChanges(EventEngine engine, Session session, Runnable onEnd) {
        this.engine = engine;
        this.session = session;
        this.onEnd = onEnd;
    }

    void register() {
        ((SharedSessionContractImplementor) session).getTransactionCoordinator().getLocalSynchronizations()
                .registerSynchronization(this);
    }

    /**
     * Records one change. Several changes of one entity in a transaction fold into one: a creation
     * stays a creation whatever updates follow; a deletion wins over everything before it.
     */
    void record(EntityEvents<?> descriptor, Object entity, Object id, Trigger trigger) {
        Key key = new Key(descriptor.entityType().getName(), String.valueOf(id));
        Change change = changes.get(key);
        if (change == null) {
            changes.put(key, new Change(descriptor, entity, trigger));
        } else {
            change.entity = entity;
            if (trigger == Trigger.DELETE || change.trigger != Trigger.CREATE) {
                change.trigger = trigger;
            }
        }
    }

    @Override
    public void beforeCompletion() {
        if (changes.isEmpty()) {
            return;
        }
        Connection connection = SessionTransactions.connection(session);
        try {
            // The rows of every entity the transaction changed are inserted together, at the end.
            List<EventRow> fresh = new ArrayList<>();
            for (Map.Entry<Key, Change> entry : changes.entrySet()) {
                Change change = entry.getValue();
                engine.sync().sync(connection, change.descriptor, change.entity, entry.getKey().id(), change.trigger,
                        false, fresh);
            }
            engine.outbox().insertFresh(connection, fresh, engine.clock().instant());
        } catch (SQLException e) {
            throw new PersistenceException("Could not sync business events: " + e.getMessage(), e);
        }
    }

    @Override
    public void afterCompletion(int status) {
        onEnd.run();
        if (status == Status.STATUS_COMMITTED && !changes.isEmpty()) {
            engine.wakeUp();
        }
    }
}
