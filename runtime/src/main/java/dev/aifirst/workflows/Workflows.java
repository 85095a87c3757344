package dev.aifirst.workflows;

import dev.aifirst.Page;
import dev.aifirst.PageRequest;
import jakarta.persistence.EntityManager;
import java.sql.Connection;

/**
 * {@code runtime.workflows()}: start runs by hand, signal them, cancel them, and look at them a page
 * at a time.
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

    /** How many runs {@code query} selects. */
    long count(RunQuery query);

    /** The run's step executions, in order. */
    Page<StepExecution> history(String runId, PageRequest page);
}
