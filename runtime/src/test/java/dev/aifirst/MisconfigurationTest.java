package dev.aifirst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestDatabase;
import dev.aifirst.testsupport.TestHibernate;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A runtime whose database is not the one Hibernate writes the entities to refuses to start, and says why. */
@DatabaseTest
class MisconfigurationTest {

    @Test
    void aRuntimeOnAnotherDatabaseThanHibernatesRefusesToStartAndSaysWhatToPass() {
        try (TestDatabase runtimes = TestDatabase.create(); TestDatabase applications = TestDatabase.create()) {
            EntityManagerFactory emf = TestHibernate.create(applications.dataSource(), Booking.class);
            try {
                assertThatThrownBy(() -> AiFirst.builder().dataSource(runtimes.dataSource()).entityManagerFactory(emf)
                        .timeMachine(TimeMachine.startingAt(Instant.parse("2026-06-01T09:00:00Z"))).start())
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("Hibernate writes the application's entities to " + shown(applications))
                        .hasMessageContaining("the runtime's tables are in " + shown(runtimes))
                        .hasMessageContaining("AiFirst.builder().dataSource(dataSource).entityManagerFactory(emf)");
            } finally {
                emf.close();
            }
        }
    }

    /** The database's URL as JDBC reports it: without H2's settings after ';'. */
    private static String shown(TestDatabase db) {
        String url = db.jdbcUrl();
        int settings = url.indexOf(';');
        return settings < 0 ? url : url.substring(0, settings);
    }

    @Test
    void aRuntimeOnHibernatesDatabaseStarts() {
        try (TestDatabase db = TestDatabase.create()) {
            EntityManagerFactory emf = TestHibernate.create(db.dataSource(), Booking.class);
            try (AiFirst runtime = AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(emf)
                    .timeMachine(TimeMachine.startingAt(Instant.parse("2026-06-01T09:00:00Z"))).start()) {
                assertThat(runtime.backlog().due()).isZero();
            } finally {
                emf.close();
            }
        }
    }
}
