package dev.aifirst.events;

import com.zaxxer.hikari.HikariDataSource;
import dev.aifirst.AiFirst;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.testsupport.ChildJvm;
import dev.aifirst.testsupport.TestHibernate;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.time.Duration;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * A node that dies: it saves a booking and halts the JVM the instant the transaction has committed
 * (mode {@code after-commit}), or starts its runtime and dies inside a handler (mode {@code in-handler},
 * with {@code -Daifirst.test.haltInOnCreated=true}).
 */
public final class CrashingNode {

    public static void main(String[] args) {
        String url = args[0];
        String user = args[1];
        String mode = args[2];
        HikariDataSource dataSource = ChildJvm.dataSource(url, user);
        EntityManagerFactory emf = TestHibernate.createExisting(dataSource, Booking.class);
        // A long polling interval: nothing is picked up by a poll before the halt.
        AiFirst runtime = AiFirst.builder().dataSource(dataSource).entityManagerFactory(emf)
                .pollingInterval(Duration.ofHours(1)).start();
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        if (mode.equals("after-commit")) {
            // Registered before the entity is written, so it runs before the runtime's own
            // after-commit wake-up: the JVM dies with the commit done and nothing dispatched.
            em.unwrap(SharedSessionContractImplementor.class).getTransactionCoordinator().getLocalSynchronizations()
                    .registerSynchronization(new Synchronization() {
                        @Override
                        public void beforeCompletion() {
                        }

                        @Override
                        public void afterCompletion(int status) {
                            System.out.println("committed=" + (status == Status.STATUS_COMMITTED) + "; halting");
                            System.out.flush();
                            Runtime.getRuntime().halt(137);
                        }
                    });
        }
        em.persist(new Booking("Crash", null));
        em.getTransaction().commit();
        System.out.println("committed; waiting to be killed inside the handler");
        System.out.flush();
        // in-handler: the runtime delivers booking_created now and the handler halts the JVM.
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtime.close();
        System.exit(3);
    }
}
