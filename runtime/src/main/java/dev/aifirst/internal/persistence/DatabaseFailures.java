package dev.aifirst.internal.persistence;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a database that is away, or a transaction that lost a race, from a real failure: the first
 * kind goes away by itself (the server restarts, the network comes back, the transaction is tried
 * again) and is retried without counting against anyone's retry policy.
 */
public final class DatabaseFailures {

    /**
     * SQLSTATE classes and codes that mean "try again": 08 connection exceptions, 40 transaction
     * rollbacks (serialization failures, deadlocks), 53 insufficient resources (too many
     * connections), 57P operator intervention (admin or crash shutdown, cannot connect now), and H2's
     * 90067 (connection broken) and 90098 (database closed).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53");
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "90067", "90098");

    private DatabaseFailures() {
    }

    /** Whether {@code failure}, or one of its causes, says the database is away or asks to try again. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (TRANSIENT_STATES.contains(state)
                        || state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2))) {
                    return true;
                }
            }
        }
        return false;
    }
}
