package dev.aifirst.internal.scheduling;

import dev.aifirst.Backlog;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.persistence.Dialect;
import dev.aifirst.internal.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Writes db-scheduler executions in the caller's JDBC transaction, so that a state change and the
 * scheduling of the work that follows it commit together (the outbox). Our executions carry no task
 * data: the task instance id names the row of our own table that holds the state.
 *
 * <p>The table may be the application's own, shared with its db-scheduler: what this class reads
 * (the earliest due time, the backlog) counts only the runtime's tasks, whose names begin with
 * {@value #TASK_PREFIX}.
 */
public final class Executions {

    /** How the name of every task of the runtime begins. */
    public static final String TASK_PREFIX = "aif-";
    private static final String OURS = "task_name LIKE '" + TASK_PREFIX + "%'";

    private final Dialect dialect;
    private final String table;

    private Executions(Dialect dialect, String table) {
        this.dialect = dialect;
        this.table = table;
    }

    /** The executions in {@code database}'s db-scheduler table. */
    public static Executions of(Database database) {
        return new Executions(database.dialect(), database.schedulerTable());
    }

    /** The name of db-scheduler's table, for SQL that writes executions together with other rows. */
    public String table() {
        return table;
    }

    /**
     * Adds an execution due at {@code at}; does nothing if one with this id exists already (instance
     * ids are unique per unit of work, so an existing one is the same work).
     *
     * @return whether a new execution was added
     */
    public boolean add(Connection connection, String task, String instance, Instant at) throws SQLException {
        String insert = "INSERT INTO " + table + " (task_name, task_instance, task_data, execution_time, picked, version)"
                + " VALUES (?, ?, NULL, ?, FALSE, 1)";
        if (dialect == Dialect.POSTGRESQL) {
            insert += " ON CONFLICT (task_name, task_instance) DO NOTHING";
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, task);
            statement.setString(2, instance);
            statement.setObject(3, Sql.timestamp(at));
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) { // H2: duplicate key; the statement alone failed
                return false;
            }
            throw e;
        }
    }

    /** One execution to add with {@link #addAll}. */
    public record NewExecution(String task, String instance, Instant at) {
    }

    /**
     * Adds executions that cannot exist yet (their instance ids are new) in one batch: one round trip
     * to the database for all of them.
     */
    public void addAll(Connection connection, List<NewExecution> executions) throws SQLException {
        if (executions.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table
                + " (task_name, task_instance, task_data, execution_time, picked, version) VALUES (?, ?, NULL, ?, FALSE, 1)")) {
            for (NewExecution execution : executions) {
                statement.setString(1, execution.task());
                statement.setString(2, execution.instance());
                statement.setObject(3, Sql.timestamp(execution.at()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Moves an execution that is not running to {@code at}.
     *
     * @return whether an execution was moved
     */
    public boolean reschedule(Connection connection, String task, String instance, Instant at) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE " + table + " SET execution_time = ?, version = version + 1"
                        + " WHERE task_name = ? AND task_instance = ? AND picked = FALSE")) {
            statement.setObject(1, Sql.timestamp(at));
            statement.setString(2, task);
            statement.setString(3, instance);
            return statement.executeUpdate() == 1;
        }
    }

    /** Adds the execution or, if it exists and is not running, moves it to {@code at}. */
    public void schedule(Connection connection, String task, String instance, Instant at) throws SQLException {
        if (!reschedule(connection, task, instance, at)) {
            add(connection, task, instance, at);
        }
    }

    /**
     * Removes an execution that is not running.
     *
     * @return whether one was removed
     */
    public boolean remove(Connection connection, String task, String instance) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM " + table + " WHERE task_name = ? AND task_instance = ? AND picked = FALSE")) {
            statement.setString(1, task);
            statement.setString(2, instance);
            return statement.executeUpdate() == 1;
        }
    }

    /** The earliest execution time of the runtime's executions that are not running, if any. */
    public Optional<Instant> earliest(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT MIN(execution_time) FROM " + table + " WHERE picked = FALSE AND " + OURS);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            OffsetDateTime value = rs.getObject(1, OffsetDateTime.class);
            return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
        }
    }


    /** The runtime's executions as an operator sees them at {@code now}. */
    public Backlog backlog(Connection connection, Instant now) throws SQLException {
        long due;
        Instant oldest;
        long running;
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*), MIN(execution_time),"
                + " (SELECT COUNT(*) FROM " + table + " WHERE picked AND " + OURS + ") FROM " + table
                + " WHERE picked = FALSE AND execution_time <= ? AND " + OURS)) {
            statement.setObject(1, Sql.timestamp(now));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                due = rs.getLong(1);
                OffsetDateTime first = rs.getObject(2, OffsetDateTime.class);
                oldest = first == null ? null : first.toInstant();
                running = rs.getLong(3);
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT task_name, task_instance,"
                + " consecutive_failures, last_failure, execution_time FROM " + table
                + " WHERE consecutive_failures > 0 AND " + OURS + " ORDER BY last_failure LIMIT 100")) {
            List<Backlog.FailingExecution> failing = Sql.list(statement, rs -> new Backlog.FailingExecution(
                    rs.getString("task_name"), rs.getString("task_instance"), rs.getInt("consecutive_failures"),
                    Sql.instant(rs, "last_failure"), Sql.instant(rs, "execution_time")));
            return new Backlog(due, oldest, running, failing);
        }
    }
}
