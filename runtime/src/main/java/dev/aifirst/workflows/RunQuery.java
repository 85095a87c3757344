package dev.aifirst.workflows;

import java.util.Objects;

/**
 * Which workflow runs to list with {@code runtime.workflows().runs(query, page)}; the criteria are
 * optional and combine. Runs are listed oldest first.
 *
 * <pre>{@code
 * runtime.workflows().runs(RunQuery.of(SmartLockSetup.class).withStatus(RunStatus.WAITING), PageRequest.first(50));
 * }</pre>
 *
 * @param workflowClass the {@code @Workflow} class, or {@code null} for any
 * @param workflowName the workflow's name ({@code @Workflow(name)}), or {@code null} for any: runs of a
 *     workflow whose class is gone from this deployment are found by name
 * @param status the status, or {@code null} for any
 * @param entityType the class of the entity whose event started the runs, or {@code null} for any
 * @param entityId that entity's id; given with {@code entityType}
 */
public record RunQuery(Class<?> workflowClass, String workflowName, RunStatus status, Class<?> entityType,
        Object entityId) {

    public RunQuery {
        if (workflowClass != null && workflowName != null) {
            throw new IllegalArgumentException("select runs by the workflow's class or by its name ('" + workflowName
                    + "'), not both");
        }
        if ((entityType == null) != (entityId == null)) {
            throw new IllegalArgumentException("runs of an entity are selected by its class and its id together");
        }
    }

    /** Every run. */
    public static RunQuery all() {
        return new RunQuery(null, null, null, null, null);
    }

    /** The runs of one workflow. */
    public static RunQuery of(Class<?> workflowClass) {
        return new RunQuery(Objects.requireNonNull(workflowClass, "workflowClass"), null, null, null, null);
    }

    /** The runs of the workflow named {@code workflowName} ({@code @Workflow(name)}). */
    public static RunQuery named(String workflowName) {
        return new RunQuery(null, Objects.requireNonNull(workflowName, "workflowName"), null, null, null);
    }

    /** The runs with one status. */
    public static RunQuery withStatus(RunStatus status) {
        return all().status(status);
    }

    /** Only runs with this status. */
    public RunQuery status(RunStatus status) {
        return new RunQuery(workflowClass, workflowName, Objects.requireNonNull(status, "status"), entityType, entityId);
    }

    /** Only runs started by events of this entity. */
    public RunQuery entity(Class<?> entityType, Object entityId) {
        return new RunQuery(workflowClass, workflowName, status, Objects.requireNonNull(entityType, "entityType"),
                Objects.requireNonNull(entityId, "entityId"));
    }
}
