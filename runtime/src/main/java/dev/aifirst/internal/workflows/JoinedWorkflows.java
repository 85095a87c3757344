package dev.aifirst.internal.workflows;

import dev.aifirst.internal.persistence.CallerTransaction;
import dev.aifirst.internal.persistence.PersistenceException;
import dev.aifirst.spi.WorkflowDefinition;
import dev.aifirst.workflows.TransactionalWorkflows;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code start} and {@code signal} in a transaction of the application's: the run row and its first
 * execution, or a signal's change to a run and its next execution, are written on the transaction's
 * connection, and the scheduler is woken after its commit (never before: it would find nothing).
 * Nothing here commits.
 */
final class JoinedWorkflows implements TransactionalWorkflows {

    private final WorkflowEngine engine;
    /** Resolved at each call: the transaction must be active then, whenever this view was made. */
    private final Supplier<CallerTransaction> transaction;

    JoinedWorkflows(WorkflowEngine engine, Supplier<CallerTransaction> transaction) {
        this.engine = engine;
        this.transaction = transaction;
    }

    @Override
    public String start(Class<?> workflowClass, Object context) {
        WorkflowDefinition<?> definition = RuntimeWorkflows.startable(engine.registry(), workflowClass, context);
        CallerTransaction caller = transaction.get();
        try {
            String id = engine.starter().startIn(caller.connection(), definition, context);
            caller.afterCommit(engine::wakeUp);
            return id;
        } catch (SQLException e) {
            throw new PersistenceException("Could not start " + workflowClass.getSimpleName() + " in the caller's"
                    + " transaction: " + e.getMessage(), e);
        }
    }

    @Override
    public int signal(String name, Object payload) {
        Objects.requireNonNull(name, "name");
        CallerTransaction caller = transaction.get();
        try {
            int woken = engine.control().broadcast(caller.connection(), name, payload);
            if (woken > 0) {
                caller.afterCommit(engine::wakeUp);
            }
            return woken;
        } catch (SQLException e) {
            throw new PersistenceException("Could not signal '" + name + "' in the caller's transaction: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public boolean signal(String runId, String name, Object payload) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(name, "name");
        CallerTransaction caller = transaction.get();
        try {
            boolean woken = engine.control().signal(caller.connection(), runId, name, payload);
            if (woken) {
                caller.afterCommit(engine::wakeUp);
            }
            return woken;
        } catch (SQLException e) {
            throw new PersistenceException("Could not signal '" + name + "' to run " + runId + " in the caller's"
                    + " transaction: " + e.getMessage(), e);
        }
    }
}
