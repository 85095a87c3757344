package dev.aifirst.workflows;

/**
 * {@code runtime.workflows().in(entityManager)} or {@code in(connection)}: starts and signals runs
 * inside the application's own transaction. The run, its first scheduled execution and a signal's
 * change to a run are written on that transaction's connection, so they commit with the
 * application's writes or not at all; the scheduler is told after the commit.
 *
 * <p>Every call checks that the transaction is active and that it is on the runtime's database, and
 * throws otherwise: nothing is ever committed on its own from here.
 */
public interface TransactionalWorkflows {

    /**
     * Starts a run of {@code workflowClass} with {@code context} in the transaction: it exists if and
     * only if the transaction commits.
     *
     * @return the run's id
     */
    String start(Class<?> workflowClass, Object context);

    /**
     * Broadcasts the signal {@code name} in the transaction: the runs waiting for it wake when the
     * transaction commits; if it rolls back, they keep waiting with their contexts unchanged.
     *
     * @return the number of runs the signal wakes
     */
    int signal(String name, Object payload);

    /**
     * Sends the signal {@code name} to one run, in the transaction.
     *
     * @return whether the run was waiting for it
     */
    boolean signal(String runId, String name, Object payload);
}
