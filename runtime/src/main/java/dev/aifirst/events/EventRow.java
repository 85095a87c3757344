package dev.aifirst.events;

import dev.aifirst.annotations.Trigger;
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
    /** Read with the row to make it occur: whether a claim names this event for its entity (active or not). */
    boolean mayBeClaimed;

    String key() {
        return key(name, namespace);
    }

    static String key(String name, String namespace) {
        return name + "\u0000" + namespace;
    }

    /** The db-scheduler instance id of the execution that makes this row's current occurrence happen. */
    String dueInstance() {
        return id + ":" + occurrence;
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
