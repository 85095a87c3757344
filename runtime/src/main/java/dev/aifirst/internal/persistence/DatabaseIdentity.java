package dev.aifirst.internal.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells whether a connection of the application's reaches the runtime's database, so that the
 * runtime's writes may join its transaction. A connection with the URL and user of the runtime's own
 * is; another one (a host spelled differently, a second pool) is compared once per URL and user by
 * what it sees: the database and schema it is in, and when the runtime's schema was created there.
 */
final class DatabaseIdentity {

    private final Database database;
    private final String home;
    /** The verdict for each URL and user seen, so the comparison runs once per pool. */
    private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();
    private volatile List<Object> fingerprint;

    DatabaseIdentity(Database database) {
        this.database = database;
        this.home = database.inAutoCommit(DatabaseIdentity::describe);
    }

    /**
     * Fails, naming both databases, when {@code connection} does not reach the runtime's database.
     *
     * @param what what the connection belongs to, for the message ("the EntityManager's transaction")
     */
    void requireSame(Connection connection, String what) throws SQLException {
        String there = describe(connection);
        if (there.equals(home)) {
            return;
        }
        Boolean same = verdicts.get(there);
        if (same == null) {
            same = ours().equals(fingerprint(connection));
            verdicts.put(there, same);
        }
        if (!same) {
            throw new IllegalArgumentException(what + " is on " + there + ", but the runtime's tables are in " + home
                    + ": its runs would not commit with it. Join a transaction on the runtime's database, or start"
                    + " the run on its own with runtime.workflows().start(...) outside the transaction.");
        }
    }

    private List<Object> ours() {
        List<Object> known = fingerprint;
        if (known == null) {
            known = database.inAutoCommit(DatabaseIdentity::fingerprint);
            fingerprint = known;
        }
        return known;
    }

    /**
     * The database and schema a connection is in, and when the runtime's first migration ran there;
     * empty for a database without the runtime's tables, or one the runtime does not support. Read
     * inside a savepoint: on PostgreSQL a failed statement would otherwise abort the application's
     * transaction.
     */
    private static List<Object> fingerprint(Connection connection) throws SQLException {
        Dialect dialect;
        try {
            dialect = Dialect.of(connection);
        } catch (IllegalStateException unsupported) {
            return List.of();
        }
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            List<Object> values = List.of(
                    single(statement, dialect == Dialect.POSTGRESQL
                            ? "SELECT current_database() || '/' || current_schema()"
                            : "SELECT COALESCE(DATABASE_PATH(), DATABASE()) || '/' || CURRENT_SCHEMA"),
                    single(statement, "SELECT applied_at FROM aif_schema_version WHERE version = 1"));
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return values;
        } catch (SQLException e) {
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            if (DatabaseFailures.isTransient(e)) {
                throw e;
            }
            return List.of(); // the runtime's tables are not there
        }
    }

    private static Object single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? Objects.toString(rs.getObject(1), "") : "";
        }
    }

    /** A connection's database, as a person would recognise it: its URL and user. */
    static String describe(Connection connection) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        return metadata.getURL() + " (user " + metadata.getUserName() + ")";
    }
}
