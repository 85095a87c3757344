package dev.aifirst.internal.persistence;

import dev.aifirst.spi.EntityTransactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.Statement;
import org.hibernate.Session;

/**
 * Transactions of the application's Hibernate session factory: the runtime uses them where its own
 * writes must commit with the application's (an event handler's effects and its delivery row, a
 * step that loads its event's entity).
 */
public final class SessionTransactions {

    /** Work inside a Hibernate transaction. */
    @FunctionalInterface
    public interface SessionWork<T> {
        T run(Session session) throws Exception;
    }

    private final EntityManagerFactory entityManagerFactory;
    /** The application's own transaction management, or null for the runtime's resource-local transactions. */
    private final EntityTransactions applicationTransactions;

    public SessionTransactions(EntityManagerFactory entityManagerFactory) {
        this(entityManagerFactory, null);
    }

    public SessionTransactions(EntityManagerFactory entityManagerFactory, EntityTransactions applicationTransactions) {
        this.entityManagerFactory = entityManagerFactory;
        this.applicationTransactions = applicationTransactions;
    }

    /** Whether the runtime was given the application's Hibernate setup. */
    public boolean available() {
        return entityManagerFactory != null;
    }

    public EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    /**
     * Runs {@code work} in a new transaction, committing when it returns and rolling back when it
     * throws; a checked exception of {@code work} comes out as a {@link UserCodeFailure}. The
     * application's {@link EntityTransactions} run it, when it gave some.
     */
    public <T> T inTransaction(SessionWork<T> work) {
        if (applicationTransactions != null) {
            return applicationTransactions.inNewTransaction(entityManagerFactory,
                    entityManager -> run(work, entityManager));
        }
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            T result = run(work, entityManager);
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            throw e;
        } finally {
            entityManager.close();
        }
    }

    private static <T> T run(SessionWork<T> work, EntityManager entityManager) {
        try {
            return work.run(entityManager.unwrap(Session.class));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new UserCodeFailure(e);
        }
    }

    /**
     * Fails when Hibernate writes the application's entities to another database than the runtime's:
     * event rows are written on Hibernate's connection, so the runtime's tables must be there. A
     * runtime given an {@code EntityManagerFactory} but no {@code DataSource} would otherwise create
     * its own embedded database and break every save of an entity with events.
     */
    public void requireSameDatabase(Database database) {
        if (!available()) {
            return;
        }
        String[] where = new String[1];
        try {
            inTransaction(session -> {
                Connection connection = connection(session);
                where[0] = DatabaseIdentity.describe(connection);
                try (Statement statement = connection.createStatement()) {
                    // A table every version of the schema has, however it was migrated (the runtime,
                    // Flyway, Liquibase): aif_schema_version is only the runtime's own migrations'.
                    statement.executeQuery("SELECT COUNT(*) FROM aif_event WHERE 1 = 0").close();
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (DatabaseFailures.isTransient(e)) {
                throw e;
            }
            String ours = database.inAutoCommit(DatabaseIdentity::describe);
            throw new IllegalStateException("Hibernate writes the application's entities to " + where[0]
                    + ", but the runtime's tables are in " + ours + ". Give the runtime the application's own"
                    + " DataSource: AiFirst.builder().dataSource(dataSource).entityManagerFactory(emf)", e);
        }
    }

    /** The JDBC connection of a session, to write the runtime's tables in its transaction. */
    public static Connection connection(Session session) {
        return session.doReturningWork(connection -> connection);
    }

    /** Carries a checked exception of user code out of a transaction. */
    public static final class UserCodeFailure extends RuntimeException {
        UserCodeFailure(Exception cause) {
            super(cause.getMessage(), cause);
        }

        /** The exception the user's code threw. */
        public Exception failure() {
            return (Exception) getCause();
        }
    }
}
