package dev.aifirst.testsupport;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/** A Hibernate session factory over a test database, for the given entity classes. */
public final class TestHibernate {

    private TestHibernate() {
    }

    public static EntityManagerFactory create(DataSource dataSource, Class<?>... entities) {
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("test")
                .managedClasses(entities)
                .property("hibernate.connection.datasource", dataSource)
                .property("hibernate.hbm2ddl.auto", "create")
                .property("hibernate.show_sql", "false");
        return configuration.createEntityManagerFactory();
    }

    /** A session factory over tables that exist already (another JVM of the test created them). */
    public static EntityManagerFactory createExisting(DataSource dataSource, Class<?>... entities) {
        return new HibernatePersistenceConfiguration("test")
                .managedClasses(entities)
                .property("hibernate.connection.datasource", dataSource)
                .property("hibernate.hbm2ddl.auto", "none")
                .createEntityManagerFactory();
    }

    public static void inTransaction(EntityManagerFactory emf, Consumer<EntityManager> work) {
        fromTransaction(emf, em -> {
            work.accept(em);
            return null;
        });
    }

    public static <T> T fromTransaction(EntityManagerFactory emf, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }
}
