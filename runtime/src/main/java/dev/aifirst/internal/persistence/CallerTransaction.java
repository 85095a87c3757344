package dev.aifirst.internal.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.sql.Connection;
import org.hibernate.Session;

/**
 * A transaction of the application's that runtime writes join: its connection, and, when Hibernate
 * runs it, a way to act after it commits. Found by {@link CallerTransactions}.
 */
public final class CallerTransaction {

    private final Connection connection;
    private final Session session;

    CallerTransaction(Connection connection, Session session) {
        this.connection = connection;
        this.session = session;
    }

    /** The connection of the transaction: what is written on it commits or rolls back with it. */
    public Connection connection() {
        return connection;
    }

    /**
     * Runs {@code action} once the transaction has committed, never if it rolls back. A plain JDBC
     * transaction tells nobody when it commits: there the action does not run, and the work the
     * transaction made due waits for the scheduler's next poll.
     */
    public void afterCommit(Runnable action) {
        if (session == null) {
            return;
        }
        session.getTransaction().registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
