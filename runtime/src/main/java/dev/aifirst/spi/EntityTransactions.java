package dev.aifirst.spi;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Function;

/**
 * How the runtime runs its work on the application's entities in a transaction: a handler's delivery,
 * a workflow step, an event occurring. By default it begins a resource-local transaction on a new
 * entity manager of the runtime's {@code EntityManagerFactory}. A container with its own transaction
 * management supplies it instead ({@code AiFirst.builder().entityTransactions(...)}), so that the
 * application's code inside a handler or step (a repository, a JDBC template) works in that same
 * transaction and commits with the delivery, exactly once.
 */
public interface EntityTransactions {

    /**
     * Runs {@code work} in a new transaction of {@code entityManagerFactory}, apart from any the calling
     * thread is in: commits when it returns, rolls back and rethrows when it throws.
     *
     * @param entityManagerFactory the runtime's, whose entity manager {@code work} receives
     */
    <T> T inNewTransaction(EntityManagerFactory entityManagerFactory, Function<EntityManager, T> work);
}
