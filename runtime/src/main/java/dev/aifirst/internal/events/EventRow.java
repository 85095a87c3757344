package dev.aifirst.internal.events;

import dev.aifirst.annotations.Trigger;
import dev.aifirst.events.EventRecord;
import dev.aifirst.events.EventStatus;
import dev.aifirst.spi.EventState;
import java.time.Instant;

/** A row of {@code aif_event}, as the engine reads and changes it inside one transaction. */
final class EventRow {
    long id;
    String entityType;
    String entityId;
    String name;
    String declaredName;
    String namespace;
    EventStatus status;
    Trigger triggerKind;
    Instant dueAt;
    Instant occurredAt;
    int occurrence;
    String watchKey;
    String snapshot;
    String note;
    /** The W3C trace context of the transaction that last armed the row, or null (docs/observability.md). */
    String traceParent;
    /** Read with the row to make it occur: whether a claim names this event for its entity (active or not). */
    boolean mayBeClaimed;

    /** A new row, pending its first occurrence. */
    static EventRow pending(String entityType, String entityId, EventState state, Trigger trigger) {
        EventRow row = new EventRow();
        row.entityType = entityType;
        row.entityId = entityId;
        row.name = state.name();
        row.declaredName = state.declaration().name();
        row.namespace = state.namespace();
        row.status = EventStatus.PENDING;
        row.triggerKind = trigger;
        row.occurrence = 1;
        row.watchKey = state.watchKey();
        return row;
    }

    /** Makes a row that occurred or was cancelled pending again, as its next occurrence, due {@code now}. */
    void rearm(EventState state, Trigger trigger, Instant now) {
        if (status == EventStatus.OCCURRED) {
            occurrence++;
        }
        status = EventStatus.PENDING;
        triggerKind = trigger;
        watchKey = state.watchKey();
        dueAt = now;
        note = null;
    }

    String key() {
        return key(name, namespace);
    }

    static String key(String name, String namespace) {
        return name + "\u0000" + namespace;
    }

    /** The db-scheduler instance id of the execution that makes this row's current occurrence happen. */
    String dueInstance() {
        return new EventTasks.DueInstance(id, occurrence).id();
    }

    EventRecord toRecord() {
        return new EventRecord(id, entityType, entityId, name, declaredName, namespace, status, dueAt, occurredAt,
                occurrence, note);
    }

    @Override
    public String toString() {
        return "event " + name + (namespace.equals("*") ? "" : " [" + namespace + "]") + " of " + simpleType() + "#" + entityId;
    }

    private String simpleType() {
        return entityType.substring(entityType.lastIndexOf('.') + 1);
    }
}
