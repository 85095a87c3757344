package dev.aifirst.workflows;

import static dev.aifirst.testsupport.TestHibernate.fromTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.aifirst.AiFirst;
import dev.aifirst.PageRequest;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.events.fixtures.BookingHandlers;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.persistence.Migrations;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestDatabase;
import dev.aifirst.testsupport.TestHibernate;
import dev.aifirst.testsupport.TestRuntime;
import dev.aifirst.workflows.fixtures.Chain;
import dev.aifirst.workflows.fixtures.Documents;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code workflows().in(entityManager)} and {@code in(connection)}: runs started and signalled in the
 * application's transaction commit with it or not at all; a transaction on another database is
 * refused; outside a transaction {@code start} commits on its own as before.
 */
@DatabaseTest
class TransactionalStartTest {

    static final PageRequest PAGE = PageRequest.first(100);

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension(Booking.class).build();

    EntityManagerFactory emf;
    TimeMachine time;
    AiFirst runtime;
    Workflows workflows;

    @BeforeEach
    void start() {
        emf = aifirst.entityManagerFactory();
        time = aifirst.time();
        runtime = aifirst.runtime();
        workflows = runtime.workflows();
        BookingHandlers.reset();
        BookingHandlers.clock = time.clock();
        Chain.reset(0);
    }

    static Chain.Context chain(String label) {
        Chain.Context context = new Chain.Context();
        context.label = label;
        return context;
    }

    /** Runs {@code work} in a transaction of the application's that it then rolls back. */
    static <T> T rolledBack(EntityManagerFactory emf, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().rollback();
            return result;
        } finally {
            em.close();
        }
    }

    long bookings() {
        return fromTransaction(emf, em -> em.createQuery("select count(b) from Booking b", Long.class)
                .getSingleResult());
    }

    @Test
    void aRunStartedInTheApplicationsTransactionExistsOnceItCommitsAndProceeds() {
        // The booking and the run of its workflow commit together, or not at all:
        String id = fromTransaction(emf, em -> {
            em.persist(new Booking("Ada", null));
            String runId = workflows.in(em).start(Chain.class, chain("ada"));
            assertThat(workflows.find(runId)).as("nobody else sees it before the commit").isNull();
            return runId;
        });

        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.RUNNING);
        time.runDue();
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(Chain.EXECUTIONS).containsOnlyKeys("ada/one", "ada/two", "ada/three", "ada/four", "ada/five");
        assertThat(bookings()).isEqualTo(1);
    }

    @Test
    void theSchedulerIsWokenAfterTheCommitSoTheRunDoesNotWaitForAPoll() throws InterruptedException {
        try (TestDatabase db = TestDatabase.create()) {
            EntityManagerFactory otherEmf = TestHibernate.create(db.dataSource(), Booking.class);
            try (AiFirst polling = AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(otherEmf)
                    .pollingInterval(Duration.ofHours(1)).start()) {
                // A poll at start-up has passed: from now on only a wake-up finds the run, and one
                // before the commit would find nothing. (No entity with events is saved: its own
                // wake-up after the commit would find the run too.)
                String id = fromTransaction(otherEmf,
                        em -> polling.workflows().in(em).start(Chain.class, chain("woken")));
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos(); // generous for a loaded machine
                while (polling.workflows().find(id).status() != RunStatus.COMPLETED && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(polling.workflows().find(id).status()).isEqualTo(RunStatus.COMPLETED);
            } finally {
                otherEmf.close();
            }
        }
    }

    @Test
    void aRolledBackTransactionLeavesNoRunAndNothingScheduled() {
        String id = rolledBack(emf, em -> {
            em.persist(new Booking("Ada", null));
            return workflows.in(em).start(Chain.class, chain("ada"));
        });

        assertThat(workflows.find(id)).isNull();
        assertThat(workflows.count(RunQuery.of(Chain.class))).isZero();
        assertThat(runtime.backlog().due()).as("no execution of the run, nor of the booking's events").isZero();
        time.advance(Duration.ofHours(1));
        assertThat(Chain.EXECUTIONS).isEmpty();
        assertThat(bookings()).isZero();
    }

    @Test
    void aSignalInARolledBackTransactionLeavesTheRunWaitingWithItsContext() {
        Documents.Context context = new Documents.Context();
        context.guestId = 7;
        String id = workflows.start(Documents.class, context);
        time.runDue();
        String waiting = workflows.find(id).context();

        boolean woken = rolledBack(emf,
                em -> workflows.in(em).signal(id, "documents_uploaded", Map.of("passport", "P1")));

        assertThat(woken).as("it was woken, in the transaction").isTrue();
        time.runDue();
        WorkflowRun run = workflows.find(id);
        assertThat(run.status()).isEqualTo(RunStatus.WAITING);
        assertThat(run.context()).isEqualTo(waiting).contains("\"passport\":\"\"");
        assertThat(runtime.backlog().due()).isZero();

        int broadcast = fromTransaction(emf,
                em -> workflows.in(em).signal("documents_uploaded", Map.of("passport", "P2")));
        assertThat(broadcast).isEqualTo(1);
        time.runDue();
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(workflows.find(id).result()).isEqualTo("\"passport P2\"");
    }

    @Test
    void aBroadcastThatDoesNotFitOneRunChangesNoRunEvenIfTheTransactionCommits() throws SQLException {
        Documents.Context context = new Documents.Context();
        String first = workflows.start(Documents.class, context);
        String second = workflows.start(Documents.class, context);
        time.runDue();
        // A context edited into something the payload's merge cannot mend.
        try (Connection c = aifirst.dataSource().getConnection();
             PreparedStatement edit = c.prepareStatement("UPDATE aif_workflow_run SET context = ? WHERE id = ?")) {
            edit.setString(1, "{\"guestId\":\"seven\",\"passport\":\"\",\"reminders\":0}");
            edit.setString(2, second);
            edit.executeUpdate();
        }
        String firstContext = workflows.find(first).context();

        fromTransaction(emf, em -> {
            assertThatThrownBy(() -> workflows.in(em).signal("documents_uploaded", Map.of("passport", "P1")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field 'guestId'");
            return null; // the application carries on and commits
        });

        assertThat(workflows.find(first).status()).isEqualTo(RunStatus.WAITING);
        assertThat(workflows.find(first).context()).isEqualTo(firstContext);
        assertThat(workflows.find(second).status()).isEqualTo(RunStatus.WAITING);
    }

    @Test
    void outsideATransactionStartCommitsOnItsOwn() {
        String id = workflows.start(Chain.class, chain("alone"));
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.RUNNING);
        time.runDue();
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void withoutACurrentSessionContextStartDoesNotSeeTheApplicationsTransaction() {
        // Nothing tells the runtime about this transaction: start commits on its own, as it always did.
        String id = rolledBack(emf, em -> {
            em.persist(new Booking("Ada", null));
            return workflows.start(Chain.class, chain("own"));
        });
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(bookings()).isZero();
    }

    @Test
    void anEntityManagerWithoutATransactionIsRefused() {
        EntityManager em = emf.createEntityManager();
        try {
            assertThatThrownBy(() -> workflows.in(em).start(Chain.class, chain("none")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no active transaction");
        } finally {
            em.close();
        }
        assertThat(workflows.count(RunQuery.of(Chain.class))).isZero();
    }

    @Test
    void aJdbcTransactionCarriesTheRunToo() throws SQLException {
        String committed;
        String rolledBack;
        try (Connection c = aifirst.dataSource().getConnection()) {
            c.setAutoCommit(false);
            committed = workflows.in(c).start(Chain.class, chain("committed"));
            c.commit();
            rolledBack = workflows.in(c).start(Chain.class, chain("rolled-back"));
            c.rollback();
            c.setAutoCommit(true);
        }

        assertThat(workflows.find(rolledBack)).isNull();
        time.runDue();
        assertThat(workflows.find(committed).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(Chain.EXECUTIONS).containsOnlyKeys("committed/one", "committed/two", "committed/three",
                "committed/four", "committed/five");
    }

    @Test
    void aConnectionInAutoCommitModeIsRefused() throws SQLException {
        try (Connection c = aifirst.dataSource().getConnection()) {
            assertThatThrownBy(() -> workflows.in(c).start(Chain.class, chain("auto")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("auto-commit");
        }
        assertThat(workflows.count(RunQuery.of(Chain.class))).isZero();
    }

    @Test
    void anotherPoolOnTheSameDatabaseIsJoined() throws SQLException {
        HikariDataSource pool = (HikariDataSource) aifirst.dataSource();
        // The same database, reached under another URL (PostgreSQL) or as another user (H2).
        String url = pool.getJdbcUrl();
        String user = pool.getUsername();
        if (TestDatabase.isPostgres()) {
            url += "&ApplicationName=another-pool";
        } else {
            try (Connection c = pool.getConnection(); Statement statement = c.createStatement()) {
                statement.execute("CREATE USER clerk PASSWORD '' ADMIN");
            }
            user = "clerk";
        }
        String id;
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            c.setAutoCommit(false);
            id = workflows.in(c).start(Chain.class, chain("other-pool"));
            c.commit();
        }
        time.runDue();
        assertThat(workflows.find(id).status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aTransactionOnAnotherDatabaseIsRefused() throws SQLException {
        try (TestDatabase other = TestDatabase.create()) {
            try (Connection c = other.dataSource().getConnection()) {
                c.setAutoCommit(false);
                assertThatThrownBy(() -> workflows.in(c).start(Chain.class, chain("elsewhere")))
                        .as("a database without the runtime's tables")
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(shown(other))
                        .hasMessageContaining("the runtime's tables are in");
                c.rollback();
            }

            // Another runtime's database: its tables are there, but they are not this runtime's.
            new Migrations(new Database(other.dataSource())).migrate();
            EntityManagerFactory otherEmf = TestHibernate.create(other.dataSource(), Booking.class);
            try {
                EntityManager em = otherEmf.createEntityManager();
                try {
                    em.getTransaction().begin();
                    em.persist(new Booking("Bob", null));
                    assertThatThrownBy(() -> workflows.in(em).start(Chain.class, chain("elsewhere")))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("The EntityManager's transaction is on " + shown(other));
                    assertThatThrownBy(() -> workflows.in(em).signal("documents_uploaded", null))
                            .isInstanceOf(IllegalArgumentException.class);
                    em.getTransaction().commit();
                } finally {
                    em.close();
                }
            } finally {
                otherEmf.close();
            }
            assertThat(countRuns(other)).as("nothing written there").isZero();
        }
        assertThat(workflows.count(RunQuery.all())).as("nor here").isZero();
    }

    /** The database's URL as its driver shows it (H2 leaves out the settings). */
    private static String shown(TestDatabase database) {
        return database.jdbcUrl().split(";")[0];
    }

    private static int countRuns(TestDatabase database) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement query = c.prepareStatement("SELECT COUNT(*) FROM aif_workflow_run");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
