package dev.aifirst.internal.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;
import org.hibernate.HibernateException;
import org.hibernate.Session;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.internal.ThreadLocalSessionContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * Finds the application's transaction that a runtime call joins: the one the calling thread is in,
 * or one the application hands over as an {@link EntityManager} or a JDBC {@link Connection}. A
 * transaction is joined only while it is active and on the runtime's database; one on another
 * database is refused, never joined and never silently replaced by a commit of the runtime's own.
 *
 * <p>The calling thread's transaction is what {@code currentEntityManager} returns. By default that
 * is Hibernate's current session ({@code SessionFactory.getCurrentSession()}), asked only when the
 * application configured {@code hibernate.current_session_context_class}, since Hibernate has no
 * current session otherwise.
 *
 * <p>How a Spring-managed ({@code @Transactional}) transaction is reached, for the Spring starter:
 * with {@code JpaTransactionManager}, Spring binds the transaction's entity manager to the thread
 * under the {@code EntityManagerFactory} bean, so the starter gives
 * {@code AiFirst.builder().currentEntityManager(() -> EntityManagerFactoryUtils.getTransactionalEntityManager(emf))}
 * (null outside a transaction); an application can also pass its injected shared entity manager to
 * {@code workflows().in(...)}, which {@code sessionOf} sees through. With Spring's native Hibernate
 * setup ({@code LocalSessionFactoryBean}, {@code HibernateTransactionManager}), Spring configures its
 * {@code SpringSessionContext} as the current session context, and the default look above finds it.
 */
public final class CallerTransactions {

    private final SessionFactoryImplementor runtimeSessions;
    /** The session of the calling thread's transaction, or null; null itself when there is no way to find it. */
    private final Supplier<Session> currentSession;
    private final DatabaseIdentity identity;

    /**
     * @param entityManagerFactory the runtime's Hibernate setup, or {@code null}
     * @param currentEntityManager the calling thread's transaction, as an entity manager or {@code null};
     *     {@code null} here means Hibernate's current session, if the setup configures one
     */
    public CallerTransactions(Database database, EntityManagerFactory entityManagerFactory,
            Supplier<? extends EntityManager> currentEntityManager) {
        this.runtimeSessions = entityManagerFactory == null ? null
                : entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        this.currentSession = currentEntityManager != null ? () -> sessionOf(currentEntityManager.get())
                : hibernateCurrentSession(runtimeSessions);
        this.identity = new DatabaseIdentity(database);
    }

    /**
     * The active transaction of the calling thread, or {@code null} when it is in none (the call then
     * commits on its own, as outside any transaction).
     */
    public CallerTransaction current() {
        Session session = currentSession == null ? null : currentSession.get();
        return session != null && active(session) ? join(session, "The calling thread's transaction") : null;
    }

    /** The active transaction of {@code entityManager}; fails if it has none or is on another database. */
    public CallerTransaction of(EntityManager entityManager) {
        Objects.requireNonNull(entityManager, "entityManager");
        Session session = sessionOf(entityManager);
        if (!active(session)) {
            throw new IllegalStateException("The EntityManager has no active transaction to join: begin one first,"
                    + " or start the run on its own with runtime.workflows().start(...)");
        }
        return join(session, "The EntityManager's transaction");
    }

    /** The transaction of {@code connection}; fails if it is in auto-commit mode or on another database. */
    public CallerTransaction of(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        try {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("The connection is in auto-commit mode: it has no transaction to join."
                        + " Call connection.setAutoCommit(false) first, or start the run on its own with"
                        + " runtime.workflows().start(...)");
            }
            identity.requireSame(connection, "The connection");
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read the connection's transaction: " + e.getMessage(), e);
        }
        return new CallerTransaction(connection, null);
    }

    private CallerTransaction join(Session session, String what) {
        Connection connection = SessionTransactions.connection(session);
        if (!isRuntimes(session)) {
            try {
                identity.requireSame(connection, what);
            } catch (SQLException e) {
                throw new PersistenceException("Cannot read the database of " + what + ": " + e.getMessage(), e);
            }
        }
        return new CallerTransaction(connection, session);
    }

    /** A session of the runtime's own setup is on its database: {@code AiFirst.start()} checked it. */
    private boolean isRuntimes(Session session) {
        return runtimeSessions != null && session.getSessionFactory() == runtimeSessions;
    }

    /**
     * The Hibernate session behind an entity manager. A Spring shared entity manager is a proxy that
     * {@code unwrap} returns as it is when it implements the interface asked for, and that refuses
     * {@code getTransaction()}; a call through it reaches the session of the current transaction,
     * which {@code getSession()} returns (outside a transaction, a closed one).
     */
    private static Session sessionOf(EntityManager entityManager) {
        return entityManager == null ? null
                : entityManager.unwrap(SessionImplementor.class).getSession();
    }

    /** Asked through {@code getTransaction()}, which a thread-bound session answers outside a transaction too. */
    private static boolean active(Session session) {
        return session.isOpen() && session.getTransaction().isActive();
    }

    /**
     * Hibernate's current session, if the setup configures a current session context; {@code null}
     * if it does not. The {@code thread} context opens and binds a session when asked for one it does
     * not have, so it is looked at without asking.
     */
    private static Supplier<Session> hibernateCurrentSession(SessionFactoryImplementor sessions) {
        Object context = sessions == null ? null
                : sessions.getProperties().get(AvailableSettings.CURRENT_SESSION_CONTEXT_CLASS);
        if (context == null) {
            return null;
        }
        if ("thread".equals(context) || ThreadLocalSessionContext.class.getName().equals(context)
                || ThreadLocalSessionContext.class.equals(context)) {
            return () -> {
                Session bound = ThreadLocalSessionContext.unbind(sessions);
                if (bound != null) {
                    ThreadLocalSessionContext.bind(bound);
                }
                return bound;
            };
        }
        return () -> {
            try {
                return sessions.getCurrentSession();
            } catch (HibernateException none) {
                return null; // the context has no session for this thread: it is in no transaction
            }
        };
    }
}
