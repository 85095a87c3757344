package dev.aifirst.testsupport;

import dev.aifirst.AiFirst;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.testing.TimeMachine;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * A runtime started on a test's own database, on a time machine from {@link TestRuntime#T0}, with
 * Hibernate over {@link Booking} (and the other entities given): for tests that configure the builder
 * themselves or start several runtimes. Closing it closes the runtime and Hibernate, not the database.
 */
public final class StartedRuntime implements AutoCloseable {

    private final EntityManagerFactory emf;
    private final TimeMachine time;
    private final AiFirst runtime;

    private StartedRuntime(EntityManagerFactory emf, TimeMachine time, AiFirst runtime) {
        this.emf = emf;
        this.time = time;
        this.runtime = runtime;
    }

    /** Starts a runtime on {@code dataSource}, its builder set by {@code configure}; Hibernate creates the entities' tables. */
    public static StartedRuntime start(DataSource dataSource, UnaryOperator<AiFirst.Builder> configure,
            Class<?>... entities) {
        EntityManagerFactory emf = TestHibernate.create(dataSource, withBooking(entities));
        try {
            TimeMachine time = TimeMachine.startingAt(TestRuntime.T0);
            AiFirst runtime = configure.apply(AiFirst.builder().dataSource(dataSource).entityManagerFactory(emf)
                    .timeMachine(time)).start();
            return new StartedRuntime(emf, time, runtime);
        } catch (RuntimeException e) {
            emf.close();
            throw e;
        }
    }

    private static Class<?>[] withBooking(Class<?>... entities) {
        Class<?>[] all = new Class<?>[entities.length + 1];
        all[0] = Booking.class;
        System.arraycopy(entities, 0, all, 1, entities.length);
        return all;
    }

    public AiFirst runtime() {
        return runtime;
    }

    public TimeMachine time() {
        return time;
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    /** Saves a new booking for {@code guest} and runs what fell due; returns its id. */
    public long book(String guest) {
        Booking booking = new Booking(guest, null);
        TestHibernate.inTransaction(emf, em -> em.persist(booking));
        time.runDue();
        return booking.getId();
    }

    @Override
    public void close() {
        try {
            runtime.close();
        } finally {
            emf.close();
        }
    }
}
