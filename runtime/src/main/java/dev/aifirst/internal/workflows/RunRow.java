package dev.aifirst.internal.workflows;

import dev.aifirst.workflows.RunStatus;
import dev.aifirst.workflows.WorkflowRun;
import java.time.Instant;

/** A row of {@code aif_workflow_run}, as the engine reads and changes it inside one transaction. */
final class RunRow {

    /** What a waiting run waits for. */
    enum WaitKind { SIGNAL, EVENT, SUBFLOW }

    String id;
    String workflow;
    int version;
    RunStatus status;
    String step;
    int attempt;
    long seq;
    int lease;
    String context;
    String entityType;
    String entityId;
    WaitKind waitKind;
    String waitingFor;
    String matchValue;
    String timeoutStep;
    Instant wakeAt;
    String input;
    String parentId;
    String parentStep;
    Instant debounceUntil;
    Double progress;
    String result;
    String error;
    /** The state of a failed run's {@code @OnFail} hook: {@code PENDING}, {@code CALLED}, or null. */
    String onFail;
    /** The failure handed to the hook, as JSON. */
    String failure;
    /** The W3C trace context of what started the run (a request, an event), or null; set once. */
    String traceParent;
    /** Whether a step of the run took a claim: its end releases them. */
    boolean holdsClaims;
    Instant createdAt;
    Instant updatedAt;

    /** Clears what belongs to a wait, when the run leaves it. */
    void clearWait() {
        waitKind = null;
        waitingFor = null;
        matchValue = null;
        timeoutStep = null;
        wakeAt = null;
    }

    WorkflowRun toRecord() {
        return new WorkflowRun(id, workflow, version, status, step, attempt, context, entityType, entityId, waitingFor,
                wakeAt, parentId, progress, result, error, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "run " + id + " of " + workflow + " v" + version + " at " + step + " (" + status + ")";
    }
}
