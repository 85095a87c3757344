package dev.aifirst.schema;

import static dev.aifirst.schema.ApplicationTables.recordedVersions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.MigrationMode;
import dev.aifirst.events.EventStatus;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.StartedRuntime;
import dev.aifirst.testsupport.TestDatabase;
import dev.aifirst.testsupport.TestHibernate;
import dev.aifirst.testsupport.TestRuntime;
import dev.aifirst.workflows.RunStatus;
import dev.aifirst.workflows.fixtures.Doubler;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A database that the runtime migrated before db-scheduler's table became reusable (its scripts of then
 * are kept under {@code legacy-schema/}) keeps working: its recorded versions are read as they are,
 * the scripts it lacks are applied, and work runs.
 */
@DatabaseTest
class UpgradeTest {

    @Test
    void aDatabaseAtTheLegacyLatestVersionStartsAsItIsAndRunsWork() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            Schemas.migrateAsTheLegacyRuntime(db.dataSource(), 5);
            List<String> legacyVersions = recordedVersions(db.dataSource());

            try (StartedRuntime node = StartedRuntime.start(db.dataSource(), UnaryOperator.identity())) {
                assertRuns(node);
            }
            assertThat(recordedVersions(db.dataSource())).startsWith(legacyVersions.toArray(String[]::new))
                    .hasSize(Schemas.latestVersion());
            StartedRuntime.start(db.dataSource(), b -> b.migrationMode(MigrationMode.VALIDATE)).close();
        }
    }

    @Test
    void aDatabaseAtAnOlderLegacyVersionIsMigratedOnByTheCurrentScripts() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            Schemas.migrateAsTheLegacyRuntime(db.dataSource(), 3);

            try (StartedRuntime node = StartedRuntime.start(db.dataSource(), UnaryOperator.identity())) {
                assertRuns(node);
            }
            assertThat(recordedVersions(db.dataSource())).hasSize(Schemas.latestVersion());
            StartedRuntime.start(db.dataSource(), b -> b.migrationMode(MigrationMode.VALIDATE)).close();
        }
    }

    /** An event with a date and a workflow run go through db-scheduler's table the legacy scripts made. */
    private static void assertRuns(StartedRuntime node) {
        Booking booking = new Booking("Ada", TestRuntime.T0.plus(Duration.ofDays(2)));
        booking.setStatus(Booking.Status.CONFIRMED);
        TestHibernate.inTransaction(node.emf(), em -> em.persist(booking));
        Doubler.Context context = new Doubler.Context();
        context.value = 4;
        String run = node.runtime().workflows().start(Doubler.class, context);

        node.time().advance(Duration.ofDays(2));

        assertThat(node.runtime().events().find(Booking.class, booking.getId(), "checkin_due").status())
                .isEqualTo(EventStatus.OCCURRED);
        assertThat(node.runtime().workflows().find(run).status()).isEqualTo(RunStatus.COMPLETED);
    }
}
