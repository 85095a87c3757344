package dev.aifirst.bench;

import dev.aifirst.AiFirst;
import dev.aifirst.testing.TimeMachine;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/** A runtime with the benchmark entities' Hibernate setup over one benchmark database. */
final class BenchRuntime implements AutoCloseable {

    final EntityManagerFactory emf;
    final AiFirst runtime;

    private BenchRuntime(EntityManagerFactory emf, AiFirst runtime) {
        this.emf = emf;
        this.runtime = runtime;
    }

    static EntityManagerFactory entityManagerFactory(BenchDatabase db) {
        return new HibernatePersistenceConfiguration("bench")
                .managedClasses(Listing.class, PlainListing.class, Ping.class)
                .property("hibernate.connection.datasource", db.dataSource())
                .property("hibernate.hbm2ddl.auto", "create")
                .createEntityManagerFactory();
    }

    /** A node with worker threads, polling every 100 ms; immediate work does not wait for the poll. */
    static BenchRuntime polling(BenchDatabase db, int threads) {
        EntityManagerFactory emf = entityManagerFactory(db);
        AiFirst runtime = AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(emf).threads(threads)
                .pollingInterval(Duration.ofMillis(100)).start();
        return new BenchRuntime(emf, runtime);
    }

    /** A runtime that runs nothing in the background: only the writes of the entity transactions count. */
    static BenchRuntime idle(BenchDatabase db) {
        EntityManagerFactory emf = entityManagerFactory(db);
        AiFirst runtime = AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(emf)
                .timeMachine(TimeMachine.startingAt(java.time.Instant.now())).start();
        return new BenchRuntime(emf, runtime);
    }

    @Override
    public void close() {
        runtime.close();
        emf.close();
    }
}
