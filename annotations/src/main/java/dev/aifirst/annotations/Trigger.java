package dev.aifirst.annotations;

/** The entity lifecycle changes that may make an {@link Event} occur. */
public enum Trigger {
    /** The entity was persisted. */
    CREATE,
    /** The entity was updated. */
    UPDATE,
    /** The entity was removed; pending events of the entity are cancelled in the same transaction. */
    DELETE
}
