package dev.aifirst.internal.events;

import dev.aifirst.annotations.Trigger;
import dev.aifirst.events.EventStatus;
import dev.aifirst.internal.observability.Tracing;
import dev.aifirst.spi.EntityEvents;
import dev.aifirst.spi.EventDeclaration;
import dev.aifirst.spi.EventState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an entity's event rows in line with the entity after an insert, update or delete, in the
 * caller's transaction: one row per (name, namespace), pending until it occurs; moving a date moves
 * the row, a condition that no longer holds leaves it pending, a deletion cancels what is pending.
 */
final class EntitySync {

    private static final Logger LOG = LoggerFactory.getLogger(EntitySync.class);

    private final EventStore store;
    private final EventOutbox outbox;
    private final EntitySnapshots snapshots = new EntitySnapshots();
    private final Clock clock;
    private final ZoneId zone;
    private final Tracing tracing;

    EntitySync(EventStore store, EventOutbox outbox, Clock clock, Tracing tracing) {
        this.tracing = tracing;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /**
     * Syncs one entity and inserts the rows it creates. With {@code repair} (a resync) a scheduled
     * event that fires on {@code CREATE} but has no row gets one: the entity existed before the event
     * was declared (or its row was lost), and its date, not the resync, decides when it occurs.
     */
    void syncOne(Connection c, EntityEvents<?> descriptor, Object entity, String entityId, Trigger trigger,
            boolean repair) throws SQLException {
        List<EventRow> fresh = new ArrayList<>();
        sync(c, descriptor, entity, entityId, trigger, repair, fresh);
        outbox.insertFresh(c, fresh, clock.instant());
    }

    /**
     * The sync itself; rows it creates are added to {@code fresh} for the caller to insert with
     * {@link EventOutbox#insertFresh}, so that the changes of a whole transaction are written together.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void sync(Connection c, EntityEvents descriptor, Object entity, String entityId, Trigger trigger, boolean repair,
            List<EventRow> fresh) throws SQLException {
        Instant now = clock.instant();
        String entityType = descriptor.entityType().getName();
        // A new entity with a generated id cannot have rows yet: no need to look (a round trip saved).
        List<EventRow> rows = trigger == Trigger.CREATE && !repair && descriptor.generatedId()
                ? List.of()
                : store.lockRowsOf(c, entityType, entityId);
        Map<String, EventRow> rowsByKey = new HashMap<>();
        // The trace of the transaction that changes the entity: whatever row it writes carries it.
        String trace = tracing.currentTraceParent();
        for (EventRow row : rows) {
            rowsByKey.put(row.key(), row);
            if (trace != null) {
                row.traceParent = trace;
            }
        }
        int freshBefore = fresh.size();
        List<EventState> states = descriptor.evaluate(entity, zone);
        if (trigger == Trigger.DELETE) {
            for (EventRow row : rows) {
                if (row.status == EventStatus.PENDING) {
                    outbox.cancel(c, row, "the entity was deleted", now);
                }
            }
        }
        for (EventState state : states) {
            EventDeclaration declaration = state.declaration();
            if (!state.rendered()) {
                LOG.debug("{} of {}#{}: not tracked because property '{}' is null (its name or namespace needs it)",
                        declaration.name(), descriptor.entityType().getSimpleName(), entityId, state.missingProperty());
                continue;
            }
            EventRow row = rowsByKey.get(EventRow.key(state.name(), state.namespace()));
            supersede(c, rows, row, declaration, state, now);
            if (trigger == Trigger.DELETE) {
                if (declaration.firesOn(Trigger.DELETE) && state.condition()) {
                    occurOnDelete(c, row, entityType, entityId, state, entity, now);
                }
            } else if (declaration.scheduled()) {
                syncScheduled(c, row, entityType, entityId, state, trigger, repair, fresh, now);
            } else {
                syncImmediate(c, row, entityType, entityId, state, trigger, fresh, now);
            }
        }
        for (EventRow row : fresh.subList(freshBefore, fresh.size())) {
            row.traceParent = trace;
        }
    }

    /** Cancels the pending events of an entity that is gone (found by a resync). */
    void cancelAllOf(Connection c, String entityType, String entityId, String why) throws SQLException {
        Instant now = clock.instant();
        for (EventRow row : store.lockRowsOf(c, entityType, entityId)) {
            if (row.status == EventStatus.PENDING) {
                outbox.cancel(c, row, why, now);
            }
        }
    }

    /** A template whose rendering changed leaves a pending row under the old name: it will not occur. */
    private void supersede(Connection c, List<EventRow> rows, EventRow current, EventDeclaration declaration,
            EventState state, Instant now) throws SQLException {
        if (!declaration.templated() && declaration.namespace().indexOf('{') < 0) {
            return;
        }
        for (EventRow row : rows) {
            if (row != current && row.status == EventStatus.PENDING && row.declaredName.equals(declaration.name())) {
                outbox.cancel(c, row, "superseded by " + state.name() + " [" + state.namespace() + "]", now);
            }
        }
    }

    private void syncImmediate(Connection c, EventRow row, String entityType, String entityId, EventState state,
            Trigger trigger, List<EventRow> fresh, Instant now) throws SQLException {
        EventDeclaration declaration = state.declaration();
        boolean watchedChange = trigger == Trigger.UPDATE && !declaration.watch().isEmpty()
                && (row == null || !state.watchKey().equals(row.watchKey));
        if (!declaration.firesOn(trigger) && !watchedChange) {
            return;
        }
        if (!state.condition()) {
            if (watchedChange && row != null && row.status == EventStatus.OCCURRED) {
                // Remember the watched values, so that changing them back counts as a change.
                row.watchKey = state.watchKey();
                store.update(c, row, now);
            }
            return;
        }
        if (row == null) {
            row = EventRow.pending(entityType, entityId, state, trigger);
            row.dueAt = now;
            fresh.add(row); // inserted with the others at the end of the sync
        } else if (row.status == EventStatus.CANCELLED
                || (row.status == EventStatus.OCCURRED && watchedChange)) {
            row.rearm(state, trigger, now);
            store.update(c, row, now);
            outbox.armDue(c, row, now);
        }
        // PENDING: it occurs at the commit already scheduled.
    }

    private void syncScheduled(Connection c, EventRow row, String entityType, String entityId, EventState state,
            Trigger trigger, boolean repair, List<EventRow> fresh, Instant now) throws SQLException {
        EventDeclaration declaration = state.declaration();
        if (row == null) {
            boolean watchedChange = trigger == Trigger.UPDATE && !declaration.watch().isEmpty();
            boolean missing = repair && declaration.firesOn(Trigger.CREATE);
            if (!declaration.firesOn(trigger) && !watchedChange && !missing) {
                return;
            }
            row = EventRow.pending(entityType, entityId, state, trigger);
            row.dueAt = state.dueAt();
            fresh.add(row); // inserted with the others at the end of the sync
            return;
        }
        switch (row.status) {
            case PENDING -> {
                // Moving the date moves the event: the same row, its execution and its early deliveries move.
                row.dueAt = state.dueAt();
                row.watchKey = state.watchKey();
                row.note = null;
                store.update(c, row, now);
                outbox.armDue(c, row, now);
            }
            case OCCURRED -> {
                boolean watchedChange = trigger == Trigger.UPDATE && !declaration.watch().isEmpty()
                        && !state.watchKey().equals(row.watchKey);
                if (watchedChange) {
                    rearmAt(c, row, state, trigger, now);
                }
            }
            case CANCELLED -> {
                if (declaration.firesOn(trigger)) {
                    rearmAt(c, row, state, trigger, now);
                }
            }
        }
    }

    /** A scheduled row occurs again, at the entity's date. */
    private void rearmAt(Connection c, EventRow row, EventState state, Trigger trigger, Instant now) throws SQLException {
        row.rearm(state, trigger, now);
        row.dueAt = state.dueAt();
        store.update(c, row, now);
        outbox.armDue(c, row, now);
    }

    private void occurOnDelete(Connection c, EventRow row, String entityType, String entityId, EventState state,
            Object entity, Instant now) throws SQLException {
        String snapshot;
        String note = null;
        try {
            snapshot = snapshots.write(entity);
        } catch (Exception e) {
            snapshot = null;
            note = "the entity's last state could not be kept: " + e.getMessage();
            LOG.warn("{}#{}: {}", entityType, entityId, note);
        }
        if (row == null) {
            row = EventRow.pending(entityType, entityId, state, Trigger.DELETE);
        } else {
            row.rearm(state, Trigger.DELETE, now);
        }
        row.triggerKind = Trigger.DELETE;
        row.dueAt = now;
        row.snapshot = snapshot;
        row.note = note;
        if (row.id == 0) {
            store.insert(c, row, now);
        } else {
            store.update(c, row, now);
        }
        outbox.armDue(c, row, now);
    }
}
