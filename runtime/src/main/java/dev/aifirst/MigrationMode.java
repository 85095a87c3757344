package dev.aifirst;

/**
 * What the runtime does with its schema when it starts ({@link AiFirst.Builder#migrationMode}).
 *
 * <p>The scripts are plain SQL under {@code db/aifirst/<dialect>/V001.sql}, {@code V002.sql}, ... (H2 and
 * PostgreSQL), named as Flyway expects, with a Liquibase changelog beside them
 * ({@code db/aifirst/changelog-<dialect>.xml}): an application that runs its own migration tool runs
 * them with it, and starts the runtime with {@link #VALIDATE} or {@link #NONE}.
 */
public enum MigrationMode {

    /** Applies the scripts not applied yet, recording each in {@code aif_schema_version} (the default). */
    MIGRATE,

    /**
     * Applies nothing; refuses to start, naming each missing table or column, or the version the schema
     * is at, if the database does not hold the schema this runtime's scripts make.
     */
    VALIDATE,

    /** Applies and checks nothing: the application vouches for the schema. */
    NONE
}
