package dev.aifirst.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.events.fixtures.BookingHandlers;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.persistence.Migrations;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestDatabase;
import dev.aifirst.testsupport.TestHibernate;
import dev.aifirst.testsupport.TestRuntime;
import dev.aifirst.workflows.fixtures.Chain;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.hibernate.engine.spi.SessionImplementor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code AiFirst.builder().currentEntityManager(...)}: a framework that binds the transaction's
 * entity manager to the thread (as Spring does) tells the runtime where to find it, and
 * {@code start} joins that transaction.
 */
@DatabaseTest
class CurrentEntityManagerTest {

    /** The thread's transaction, as a framework would bind it. */
    static final ThreadLocal<EntityManager> BOUND = new ThreadLocal<>();

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension(Booking.class)
            .configure(runtime -> runtime.currentEntityManager(BOUND::get))
            .build();

    Workflows workflows;

    @BeforeEach
    void start() {
        workflows = aifirst.runtime().workflows();
        BookingHandlers.reset();
        BookingHandlers.clock = aifirst.time().clock();
        Chain.reset(0);
    }

    @AfterEach
    void unbind() {
        BOUND.remove();
    }

    /** Runs {@code work} with {@code em}'s transaction bound to the thread; commits or rolls back. */
    static String bound(EntityManager em, boolean commit, java.util.function.Supplier<String> work) {
        try {
            em.getTransaction().begin();
            BOUND.set(em);
            String result = work.get();
            if (commit) {
                em.getTransaction().commit();
            } else {
                em.getTransaction().rollback();
            }
            return result;
        } finally {
            BOUND.remove();
            em.close();
        }
    }

    static Chain.Context chain(String label) {
        Chain.Context context = new Chain.Context();
        context.label = label;
        return context;
    }

    @Test
    void startJoinsTheBoundTransaction() {
        EntityManagerFactory emf = aifirst.entityManagerFactory();
        String kept = bound(emf.createEntityManager(), true, () -> workflows.start(Chain.class, chain("kept")));
        String dropped = bound(emf.createEntityManager(), false, () -> workflows.start(Chain.class, chain("dropped")));

        assertThat(workflows.find(dropped)).isNull();
        aifirst.time().runDue();
        assertThat(workflows.find(kept).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(Chain.EXECUTIONS).containsKey("kept/five").doesNotContainKey("dropped/one");
    }

    /**
     * An entity manager like the one Spring injects: one object for all transactions that forwards
     * each call to the entity manager bound to the thread (or to a temporary one), returns itself
     * from {@code unwrap} when it implements the type asked for, and refuses {@code getTransaction()}.
     */
    static EntityManager shared(EntityManagerFactory emf) {
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "unwrap":
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return proxy;
                    }
                    break;
                case "getTransaction":
                    throw new IllegalStateException("Not allowed to create transaction on shared EntityManager");
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "shared EntityManager";
                default:
                    break;
            }
            EntityManager target = BOUND.get();
            boolean temporary = target == null;
            if (temporary) {
                target = emf.createEntityManager();
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (temporary) {
                    target.close();
                }
            }
        };
        return (EntityManager) Proxy.newProxyInstance(CurrentEntityManagerTest.class.getClassLoader(),
                new Class<?>[] {SessionImplementor.class}, handler);
    }

    @Test
    void aSharedEntityManagerReachesTheTransactionItIsCalledIn() {
        EntityManagerFactory emf = aifirst.entityManagerFactory();
        EntityManager shared = shared(emf);
        String kept = bound(emf.createEntityManager(), true,
                () -> workflows.in(shared).start(Chain.class, chain("kept")));
        String dropped = bound(emf.createEntityManager(), false,
                () -> workflows.in(shared).start(Chain.class, chain("dropped")));

        assertThat(workflows.find(kept).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(workflows.find(dropped)).isNull();
        assertThatThrownBy(() -> workflows.in(shared).start(Chain.class, chain("outside")))
                .as("outside a transaction").isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no active transaction");
        assertThat(workflows.count(RunQuery.of(Chain.class))).isEqualTo(1);
    }

    @Test
    void aBoundEntityManagerWithoutATransactionIsNoTransaction() {
        EntityManager em = aifirst.entityManagerFactory().createEntityManager();
        try {
            BOUND.set(em);
            String id = workflows.start(Chain.class, chain("own"));
            assertThat(workflows.find(id).status()).isEqualTo(RunStatus.RUNNING);
        } finally {
            em.close();
        }
    }

    @Test
    void aBoundTransactionOnAnotherDatabaseIsRefused() {
        try (TestDatabase other = TestDatabase.create()) {
            new Migrations(new Database(other.dataSource())).migrate();
            EntityManagerFactory otherEmf = TestHibernate.create(other.dataSource(), Booking.class);
            try {
                assertThatThrownBy(() -> bound(otherEmf.createEntityManager(), true,
                        () -> workflows.start(Chain.class, chain("elsewhere"))))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("The calling thread's transaction is on");
            } finally {
                otherEmf.close();
            }
        }
        assertThat(workflows.count(RunQuery.all())).isZero();
    }
}
