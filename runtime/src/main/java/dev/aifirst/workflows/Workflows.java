package dev.aifirst.workflows;

import dev.aifirst.Page;
import dev.aifirst.PageRequest;

/**
 * {@code runtime.workflows()}: start runs by hand, signal them, cancel them, and look at them a page
 * at a time.
 */
public interface Workflows {

    /**
     * Starts a run of {@code workflowClass} with {@code context} (an instance of its {@code Context}).
     *
     * @return the run's id
     */
    String start(Class<?> workflowClass, Object context);

    /**
     * Broadcasts the signal {@code name}: every run waiting for it wakes, with the payload's fields
     * that exist on its context merged into the context.
     *
     * @param payload an object or a {@code Map} whose fields become JSON; may be {@code null}
     * @return the number of runs woken
     */
    int signal(String name, Object payload);

    /**
     * Sends the signal {@code name} to one run.
     *
     * @return whether the run was waiting for it
     */
    boolean signal(String runId, String name, Object payload);

    /**
     * Stops a run, and the child runs it waits for; a parent waiting for it resumes with a
     * {@code CANCELLED} {@link SubflowResult}.
     *
     * @return whether the run was still going
     */
    boolean cancel(String runId);

    /** The run, or {@code null}. */
    WorkflowRun find(String runId);

    /** The runs {@code query} selects, oldest first. */
    Page<WorkflowRun> runs(RunQuery query, PageRequest page);

    /** The runs {@code runId} started with {@code runSubflow}, oldest first. */
    Page<WorkflowRun> children(String runId, PageRequest page);

    /** How many runs {@code query} selects. */
    long count(RunQuery query);

    /** The run's step executions, in order. */
    Page<StepExecution> history(String runId, PageRequest page);
}
