package dev.aifirst.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.events.fixtures.BookingHandlers;
import dev.aifirst.spi.EntityTransactions;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestHibernate;
import dev.aifirst.testsupport.TestRuntime;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code AiFirst.builder().entityTransactions(...)}: the application's transaction management runs
 * the runtime's transactions on its entities, and a handler works in the transaction it began.
 */
@DatabaseTest
class EntityTransactionsTest {

    /** The application's transaction management: records each transaction it runs, and its entity manager. */
    static final class Recording implements EntityTransactions {
        final List<EntityManager> begun = new CopyOnWriteArrayList<>();

        @Override
        public <T> T inNewTransaction(EntityManagerFactory emf, Function<EntityManager, T> work) {
            EntityManager entityManager = emf.createEntityManager();
            try {
                entityManager.getTransaction().begin();
                begun.add(entityManager);
                T result = work.apply(entityManager);
                entityManager.getTransaction().commit();
                return result;
            } catch (RuntimeException e) {
                if (entityManager.getTransaction().isActive()) {
                    entityManager.getTransaction().rollback();
                }
                throw e;
            } finally {
                entityManager.close();
            }
        }
    }

    static final Recording TRANSACTIONS = new Recording();

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension(Booking.class)
            .configure(runtime -> runtime.entityTransactions(TRANSACTIONS))
            .build();

    @BeforeEach
    void reset() {
        TRANSACTIONS.begun.clear();
        BookingHandlers.reset();
        BookingHandlers.clock = aifirst.time().clock();
    }

    @Test
    void theApplicationsTransactionsRunTheHandlers() {
        TestHibernate.inTransaction(aifirst.entityManagerFactory(), em -> em.persist(new Booking("Ada", null)));
        int before = TRANSACTIONS.begun.size();

        aifirst.time().runDue();

        assertThat(BookingHandlers.CALLS).anyMatch(call -> call.startsWith("onCreated booking_created"));
        assertThat(TRANSACTIONS.begun.size()).as("transactions the application began").isGreaterThan(before);
    }
}
