package dev.aifirst.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.AiFirst;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.events.fixtures.BookingHandlers;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestRuntime;
import dev.aifirst.workflows.fixtures.Chain;
import dev.aifirst.workflows.fixtures.Documents;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.context.internal.ThreadLocalSessionContext;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application that configures Hibernate's contextual sessions
 * ({@code hibernate.current_session_context_class}): {@code start} and {@code signal} join the
 * transaction of {@code getCurrentSession()} without being told, and commit on their own outside one.
 */
@DatabaseTest
class CurrentSessionTest {

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension()
            .entityManagerFactory(dataSource -> new HibernatePersistenceConfiguration("current-session")
                    .managedClasses(Booking.class)
                    .property("hibernate.connection.datasource", dataSource)
                    .property("hibernate.hbm2ddl.auto", "create")
                    .property("hibernate.current_session_context_class", "thread")
                    .createEntityManagerFactory())
            .build();

    SessionFactory sessions;
    TimeMachine time;
    AiFirst runtime;
    Workflows workflows;

    @BeforeEach
    void start() {
        sessions = aifirst.entityManagerFactory().unwrap(SessionFactory.class);
        time = aifirst.time();
        runtime = aifirst.runtime();
        workflows = runtime.workflows();
        BookingHandlers.reset();
        BookingHandlers.clock = time.clock();
        Chain.reset(0);
    }

    @AfterEach
    void unbind() {
        Session left = ThreadLocalSessionContext.unbind(sessions);
        if (left != null) {
            left.close();
        }
    }

    static Chain.Context chain(String label) {
        Chain.Context context = new Chain.Context();
        context.label = label;
        return context;
    }

    @Test
    void startJoinsTheCurrentSessionsTransaction() {
        Session session = sessions.getCurrentSession();
        session.beginTransaction();
        session.persist(new Booking("Ada", null));
        String id = workflows.start(Chain.class, chain("ada"));
        assertThat(workflows.find(id)).as("not committed yet").isNull();
        session.getTransaction().commit();

        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.RUNNING);
        time.runDue();
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void whenTheCurrentSessionsTransactionRollsBackThereIsNoRun() {
        Session session = sessions.getCurrentSession();
        session.beginTransaction();
        session.persist(new Booking("Ada", null));
        String id = workflows.start(Chain.class, chain("ada"));
        session.getTransaction().rollback();

        assertThat(workflows.find(id)).isNull();
        assertThat(runtime.backlog().due()).isZero();
        time.runDue();
        assertThat(Chain.EXECUTIONS).isEmpty();
    }

    @Test
    void aSignalInTheCurrentSessionsRolledBackTransactionChangesNothing() {
        Documents.Context context = new Documents.Context();
        String id = workflows.start(Documents.class, context);
        time.runDue();
        String waiting = workflows.find(id).context();

        Session session = sessions.getCurrentSession();
        session.beginTransaction();
        assertThat(workflows.signal(id, "documents_uploaded", Map.of("passport", "P1"))).isTrue();
        session.getTransaction().rollback();
        time.runDue();
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.WAITING);
        assertThat(workflows.find(id).context()).isEqualTo(waiting);

        session = sessions.getCurrentSession();
        session.beginTransaction();
        assertThat(workflows.signal("documents_uploaded", Map.of("passport", "P2"))).isEqualTo(1);
        session.getTransaction().commit();
        time.runDue();
        assertThat(workflows.find(id).result()).isEqualTo("\"passport P2\"");
    }

    @Test
    void outsideATransactionStartCommitsOnItsOwnAndBindsNoSession() {
        String id = workflows.start(Chain.class, chain("alone"));
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(ThreadLocalSessionContext.unbind(sessions)).as("no session opened for the thread").isNull();

        // A bound session whose transaction has not begun is no transaction either; it stays bound.
        Session bound = sessions.getCurrentSession();
        String second = workflows.start(Chain.class, chain("bound"));
        assertThat(workflows.find(second).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(sessions.getCurrentSession()).isSameAs(bound);
        time.runDue();
        assertThat(Chain.EXECUTIONS).containsKeys("alone/five", "bound/five");
    }
}
