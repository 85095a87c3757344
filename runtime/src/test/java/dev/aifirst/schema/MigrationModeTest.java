package dev.aifirst.schema;

import static dev.aifirst.schema.ApplicationTables.execute;
import static dev.aifirst.schema.ApplicationTables.recordedVersions;
import static dev.aifirst.schema.ApplicationTables.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aifirst.MigrationMode;
import dev.aifirst.events.EventStatus;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.StartedRuntime;
import dev.aifirst.testsupport.TestDatabase;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@code MIGRATE} applies the scripts, {@code VALIDATE} only checks that they were applied, {@code NONE} does neither. */
@DatabaseTest
class MigrationModeTest {

    @Test
    void validateOnAnEmptyDatabaseRefusesToStartNamingWhatIsMissingAndCreatesNothing() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            assertThatThrownBy(() -> StartedRuntime.start(db.dataSource(), b -> b.migrationMode(MigrationMode.VALIDATE)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("migration mode VALIDATE changes nothing")
                    .hasMessageContaining("table aif_event is missing")
                    .hasMessageContaining("table aif_workflow_run is missing")
                    .hasMessageContaining("db-scheduler's table scheduled_tasks is missing")
                    .hasMessageContaining("Apply the scripts under db/aifirst/" + Schemas.dialect() + " up to V"
                            + String.format("%03d", Schemas.latestVersion()));
            assertThat(tables(db.dataSource())).containsExactly("booking");
        }
    }

    @Test
    void validateOnAMigratedDatabaseStartsAndRunsWork() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            StartedRuntime.start(db.dataSource(), UnaryOperator.identity()).close();
            List<String> versions = recordedVersions(db.dataSource());

            try (StartedRuntime node = StartedRuntime.start(db.dataSource(), b -> b.migrationMode(MigrationMode.VALIDATE))) {
                long id = node.book("Ada");
                assertThat(node.runtime().events().find(Booking.class, id, "booking_created").status())
                        .isEqualTo(EventStatus.OCCURRED);
            }
            assertThat(recordedVersions(db.dataSource())).isEqualTo(versions);
        }
    }

    @Test
    void validateNamesTheTableAndTheColumnThatAreMissing() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            StartedRuntime.start(db.dataSource(), UnaryOperator.identity()).close();
            execute(db.dataSource(), "ALTER TABLE aif_workflow_run DROP COLUMN failure", "DROP TABLE aif_claim");

            assertThatThrownBy(() -> StartedRuntime.start(db.dataSource(), b -> b.migrationMode(MigrationMode.VALIDATE)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("table aif_workflow_run has no column failure")
                    .hasMessageContaining("table aif_claim is missing")
                    .message().doesNotContain("aif_event ");
        }
    }

    @Test
    void validateNamesTheVersionTheSchemaIsAtWhenItIsBehind() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            StartedRuntime.start(db.dataSource(), UnaryOperator.identity()).close();
            int latest = Schemas.latestVersion();
            execute(db.dataSource(), "DELETE FROM aif_schema_version WHERE version = " + latest);

            assertThatThrownBy(() -> StartedRuntime.start(db.dataSource(), b -> b.migrationMode(MigrationMode.VALIDATE)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("aif_schema_version records version " + (latest - 1)
                            + ", this runtime needs version " + latest);
        }
    }

    @Test
    void validateChecksTheSchedulerTableUnderItsConfiguredName() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            StartedRuntime.start(db.dataSource(), UnaryOperator.identity()).close();

            assertThatThrownBy(() -> StartedRuntime.start(db.dataSource(),
                    b -> b.migrationMode(MigrationMode.VALIDATE).schedulerTable("aif_tasks")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("db-scheduler's table aif_tasks is missing");
        }
    }

    @Test
    void noneAppliesAndChecksNothing() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            StartedRuntime.start(db.dataSource(), b -> b.migrationMode(MigrationMode.NONE)).close();

            assertThat(tables(db.dataSource())).containsExactly("booking");
        }
    }

    @Test
    void migrateRefusesASchemaThatAnotherToolMadeRatherThanRunningTheScriptsOverIt() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            StartedRuntime.start(db.dataSource(), UnaryOperator.identity()).close();
            execute(db.dataSource(), "DROP TABLE aif_schema_version"); // as Flyway or Liquibase leaves it

            assertThatThrownBy(() -> StartedRuntime.start(db.dataSource(), UnaryOperator.identity()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("The AI-First tables exist, but aif_schema_version records no version")
                    .hasMessageContaining("migrationMode(MigrationMode.VALIDATE)");
        }
    }
}
