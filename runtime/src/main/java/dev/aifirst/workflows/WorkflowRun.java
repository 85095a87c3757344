package dev.aifirst.workflows;

import java.time.Instant;

/**
 * One run of a workflow, as stored.
 *
 * @param id the run's id
 * @param workflow the workflow's name
 * @param version the version of the code the run started under
 * @param status where it stands
 * @param step its current step (the one it runs, waits in, or ended in)
 * @param attempt the current step's attempt, 1 for the first
 * @param context the context as JSON
 * @param entityType the entity whose event started the run, or {@code null} for a run started by hand
 * @param entityId that entity's id, or {@code null}
 * @param waitingFor the signal or event a waiting run waits for, or {@code null}
 * @param wakeAt when a sleeping run wakes or a waiting one times out, or {@code null}
 * @param parentId the run that started this one with {@code runSubflow}, or {@code null}
 * @param progress the progress last reported with {@code goTo}, or {@code null}
 * @param result the {@code complete(result)} as JSON, or {@code null}
 * @param error why the run failed, or {@code null}
 * @param createdAt when it started
 * @param updatedAt when it last changed
 */
public record WorkflowRun(String id, String workflow, int version, RunStatus status, String step, int attempt,
        String context, String entityType, String entityId, String waitingFor, Instant wakeAt, String parentId,
        Double progress, String result, String error, Instant createdAt, Instant updatedAt) {
}
