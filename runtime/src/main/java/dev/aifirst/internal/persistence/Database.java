package dev.aifirst.internal.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The runtime's database: a {@link DataSource}, its {@link Dialect}, the name of db-scheduler's
 * table in it, and plain JDBC transactions. The runtime's own tables are written with JDBC, not
 * through the application's Hibernate session factory, except where a write must join the
 * application's transaction (see the events package).
 */
public final class Database {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws Exception;
    }

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String schedulerTable;

    /** The database with db-scheduler's table under its default name. */
    public Database(DataSource dataSource) {
        this(dataSource, SchedulerTable.DEFAULT_NAME);
    }

    /** The database with db-scheduler's table named {@code schedulerTable}. */
    public Database(DataSource dataSource, String schedulerTable) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.schedulerTable = SchedulerTable.checkName(schedulerTable);
        try (Connection connection = dataSource.getConnection()) {
            this.dialect = Dialect.of(connection);
        } catch (SQLException e) {
            throw new PersistenceException("Cannot connect to the database: " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The name of db-scheduler's table, which every query of executions uses. */
    public String schedulerTable() {
        return schedulerTable;
    }

    /**
     * Runs {@code work} in a new transaction, committing when it returns and rolling back when it
     * throws. A checked exception is wrapped in a {@link PersistenceException}.
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        return withConnection(false, connection -> {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Throwable failure) {
                rollbackQuietly(connection, failure);
                throw failure;
            }
        });
    }

    /**
     * Runs {@code work} on a connection in auto-commit mode: for a single statement that is atomic
     * on its own, or a single read. It costs one round trip instead of two (the statement, with the
     * {@code BEGIN} the driver sends along, then the {@code COMMIT}).
     */
    public <T> T inAutoCommit(TransactionWork<T> work) {
        return withConnection(true, work);
    }

    /** Runs {@code work} on a pooled connection set to {@code autoCommit}, restored afterwards. */
    private <T> T withConnection(boolean autoCommit, TransactionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean pooled = connection.getAutoCommit();
            if (pooled != autoCommit) {
                connection.setAutoCommit(autoCommit);
            }
            try {
                return work.run(connection);
            } finally {
                if (pooled != autoCommit) {
                    connection.setAutoCommit(pooled);
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new PersistenceException(e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
