package dev.aifirst.workflows;

import dev.aifirst.spi.WorkflowDefinition;
import java.util.List;
import java.util.Objects;

/**
 * Durable workflows: start runs by hand, signal them, cancel them, and look at them.
 * {@code runtime.workflows()} returns it.
 */
public final class Workflows {

    private final WorkflowEngine engine;

    public Workflows(WorkflowEngine engine) {
        this.engine = engine;
    }

    /**
     * Starts a run of {@code workflowClass} with {@code context} (an instance of its {@code Context}).
     *
     * @return the run's id
     */
    public String start(Class<?> workflowClass, Object context) {
        WorkflowDefinition<?> definition = engine.definitionOf(workflowClass);
        Objects.requireNonNull(context, "context");
        if (!definition.contextType().isInstance(context)) {
            throw new IllegalArgumentException("The context of " + workflowClass.getSimpleName() + " is a "
                    + definition.contextType().getName() + ", not a " + context.getClass().getName());
        }
        return engine.startNow(definition, context);
    }

    /**
     * Broadcasts the signal {@code name}: every run waiting for it wakes, with the payload's fields
     * that exist on its context merged into the context.
     *
     * @param payload an object or a {@code Map} whose fields become JSON; may be {@code null}
     * @return the number of runs woken
     */
    public int signal(String name, Object payload) {
        Objects.requireNonNull(name, "name");
        int woken = engine.database().inTransaction(c -> engine.signal(c, engine.store().query(c,
                "status = 'WAITING' AND wait_kind = 'SIGNAL' AND waiting_for = ? ORDER BY created_at FOR UPDATE", name),
                name, payload));
        engine.wakeUp();
        return woken;
    }

    /**
     * Sends the signal {@code name} to one run.
     *
     * @return whether the run was waiting for it
     */
    public boolean signal(String runId, String name, Object payload) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(name, "name");
        int woken = engine.database().inTransaction(c -> {
            RunRow run = engine.store().find(c, runId, true);
            return run == null ? 0 : engine.signal(c, List.of(run), name, payload);
        });
        engine.wakeUp();
        return woken == 1;
    }

    /**
     * Stops a run, and the child runs it waits for; a parent waiting for it resumes with a
     * {@code CANCELLED} {@link SubflowResult}.
     *
     * @return whether the run was still going
     */
    public boolean cancel(String runId) {
        boolean cancelled = engine.database().inTransaction(c -> engine.cancel(c, runId, true));
        engine.wakeUp();
        return cancelled;
    }

    /** The run, or {@code null}. */
    public WorkflowRun find(String runId) {
        List<RunRow> rows = engine.query("id = ?", runId);
        return rows.isEmpty() ? null : rows.get(0).toRecord();
    }

    /** The runs with this status, oldest first. */
    public List<WorkflowRun> runs(RunStatus status) {
        return WorkflowEngine.records(engine.query("status = ? ORDER BY created_at, id", status.name()));
    }

    /** The runs of one workflow, oldest first. */
    public List<WorkflowRun> runsOf(Class<?> workflowClass) {
        String name = engine.definitionOf(workflowClass).name();
        return WorkflowEngine.records(engine.query("workflow = ? ORDER BY created_at, id", name));
    }

    /** The runs started by events of one entity, oldest first. */
    public List<WorkflowRun> runsOfEntity(Class<?> entityType, Object id) {
        return WorkflowEngine.records(engine.query("entity_type = ? AND entity_id = ? ORDER BY created_at, id",
                entityType.getName(), String.valueOf(id)));
    }

    /** The run's step executions, in order. */
    public List<StepExecution> history(String runId) {
        return engine.history(runId);
    }
}
