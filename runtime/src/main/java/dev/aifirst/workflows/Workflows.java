package dev.aifirst.workflows;

import dev.aifirst.Audit;
import dev.aifirst.OperationRefusedException;
import dev.aifirst.Page;
import dev.aifirst.PageRequest;
import jakarta.persistence.EntityManager;
import java.sql.Connection;

/**
 * {@code runtime.workflows()}: start runs by hand, signal them, cancel them, look at them a page at a
 * time, and, as an operator, retry or resume runs that failed.
 *
 * <p>{@code start} and {@code signal} join the transaction the calling thread is in, when the
 * runtime finds one (see {@code AiFirst.Builder.currentEntityManager}: by default Hibernate's current
 * session, where the application configured {@code hibernate.current_session_context_class}); outside
 * a transaction they commit on their own. {@link #in(EntityManager)} and {@link #in(Connection)} name
 * the transaction explicitly.
 */
public interface Workflows {

    /**
     * Starts a run of {@code workflowClass} with {@code context} (an instance of its {@code Context}):
     * in the calling thread's transaction if the runtime finds one, else committed at once.
     *
     * @return the run's id
     */
    String start(Class<?> workflowClass, Object context);

    /**
     * Broadcasts the signal {@code name}: every run waiting for it wakes, with the payload's fields
     * that exist on its context merged into the context. In the calling thread's transaction if the
     * runtime finds one, else committed at once.
     *
     * @param payload an object or a {@code Map} whose fields become JSON; may be {@code null}
     * @return the number of runs woken
     */
    int signal(String name, Object payload);

    /**
     * Sends the signal {@code name} to one run; in the calling thread's transaction if the runtime
     * finds one, else committed at once.
     *
     * @return whether the run was waiting for it
     */
    boolean signal(String runId, String name, Object payload);

    /**
     * Starts and signals runs in the active transaction of {@code entityManager} (a Hibernate one, on
     * the runtime's database): they commit or roll back with it, and the scheduler is woken after its
     * commit. A Spring application may pass its injected, transaction-bound {@code EntityManager}
     * inside a {@code @Transactional} method.
     *
     * @throws IllegalStateException at each call, if the entity manager has no active transaction
     * @throws IllegalArgumentException at each call, if its transaction is on another database
     */
    TransactionalWorkflows in(EntityManager entityManager);

    /**
     * Starts and signals runs in the transaction of {@code connection} (not in auto-commit mode, on
     * the runtime's database): they commit or roll back with it. JDBC does not tell the runtime when
     * the transaction commits, so the scheduler finds the work at its next poll
     * ({@code pollingInterval}), not at once.
     *
     * @throws IllegalStateException at each call, if the connection is in auto-commit mode
     * @throws IllegalArgumentException at each call, if it is connected to another database
     */
    TransactionalWorkflows in(Connection connection);

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

    /**
     * An operator retries a {@code FAILED} run: its failed step runs again, now, with its attempts
     * counted from 1 and the context last committed (the input it had, such as the event it waited
     * for, too). The history is kept, and a row recording the retry ({@code "RETRIED by alice"}) is
     * added to it. The run holds no claims (they ended with its failure; a step takes them again
     * when it runs), and if it fails again its {@code @OnFail} runs again, for that failure.
     *
     * @return the run as it is now: {@code RUNNING}
     * @throws IllegalArgumentException if there is no run {@code runId}
     * @throws OperationRefusedException if the run is not {@code FAILED} (it completed, was cancelled,
     *     or is still going), its {@code @OnFail} has not run yet, it is the child of a parent that is
     *     gone or has ended, or this deployment cannot run it (its workflow or step is not deployed,
     *     its context cannot be read); nothing is changed
     */
    WorkflowRun retry(String runId, Audit audit);

    /** {@link #retry(String, Audit)}, audited as {@link Audit#ofThisProcess()}. */
    default WorkflowRun retry(String runId) {
        return retry(runId, Audit.ofThisProcess());
    }

    /**
     * An operator resumes a {@code FAILED} run at {@code step}, one of its workflow's steps: the step
     * runs now, afresh (attempt 1, no input: a {@code @WaitForEvent} step waits for its event again),
     * with the context last committed. The history is kept, with a row recording the resumption.
     * Otherwise as {@link #retry(String, Audit)}.
     *
     * @throws IllegalArgumentException if there is no run {@code runId}, or {@code step} is a step of
     *     another workflow
     * @throws OperationRefusedException as {@link #retry(String, Audit)}
     */
    WorkflowRun resume(String runId, WorkflowStep step, Audit audit);

    /** {@link #resume(String, WorkflowStep, Audit)}, audited as {@link Audit#ofThisProcess()}. */
    default WorkflowRun resume(String runId, WorkflowStep step) {
        return resume(runId, step, Audit.ofThisProcess());
    }

    /**
     * {@link #resume(String, WorkflowStep, Audit)} with the step named as stored ({@code "sendToLock"}),
     * for tools that have no access to the workflow's classes.
     *
     * @throws IllegalArgumentException if there is no run {@code runId}, or its workflow has no step
     *     {@code step} (the message lists the steps it has)
     */
    WorkflowRun resume(String runId, String step, Audit audit);

    /**
     * Retries every {@code FAILED} run {@code query} selects, each as {@link #retry(String, Audit)} in
     * a transaction of its own. A run that would be refused is left as it is, with a warning in the
     * log that says why; count what remains with {@link #count(RunQuery)}.
     *
     * @return how many runs were retried
     * @throws IllegalArgumentException if {@code query} selects a status other than {@code FAILED}
     */
    int retry(RunQuery query, Audit audit);

    /**
     * Resumes every {@code FAILED} run {@code query} selects at {@code step}, as
     * {@link #resume(String, WorkflowStep, Audit)}; only runs of {@code step}'s workflow are selected.
     *
     * @return how many runs were resumed
     * @throws IllegalArgumentException if {@code query} selects another workflow or a status other
     *     than {@code FAILED}
     */
    int resume(RunQuery query, WorkflowStep step, Audit audit);

    /**
     * {@link #resume(RunQuery, WorkflowStep, Audit)} with the step named as stored; {@code query} must
     * select one workflow ({@link RunQuery#of} or {@link RunQuery#named}), which must have that step.
     */
    int resume(RunQuery query, String step, Audit audit);
}
