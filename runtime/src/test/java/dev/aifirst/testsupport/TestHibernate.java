package dev.aifirst.testsupport;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/** A Hibernate session factory over a test database, for the given entity classes. */
public final class TestHibernate {

    private TestHibernate() {
    }

    public static EntityManagerFactory create(DataSource dataSource, Class<?>... entities) {
        return build(dataSource, "create", entities);
    }

    /** A session factory over tables that exist already (another JVM of the test created them). */
    public static EntityManagerFactory createExisting(DataSource dataSource, Class<?>... entities) {
        return build(dataSource, "none", entities);
    }

    // Hibernate's own Configuration, so that the tests run on Hibernate 6.6 as well as 7.x.
    private static EntityManagerFactory build(DataSource dataSource, String schemaAction, Class<?>... entities) {
        Configuration configuration = new Configuration();
        for (Class<?> entity : entities) {
            configuration.addAnnotatedClass(entity);
        }
        configuration.getProperties().put(AvailableSettings.DATASOURCE, dataSource);
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, schemaAction);
        return configuration.buildSessionFactory();
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
