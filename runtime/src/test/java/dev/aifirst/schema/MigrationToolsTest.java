package dev.aifirst.schema;

import static dev.aifirst.schema.ApplicationTables.createDbSchedulerTable;
import static dev.aifirst.schema.ApplicationTables.executions;
import static dev.aifirst.schema.ApplicationTables.tables;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.MigrationMode;
import dev.aifirst.events.EventStatus;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.StartedRuntime;
import dev.aifirst.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * An application's own Flyway or Liquibase runs the runtime's scripts as they ship; the runtime then
 * starts with {@code VALIDATE} and runs work on the schema they made.
 */
@DatabaseTest
class MigrationToolsTest {

    @Test
    void flywayRunsTheScriptsWithAHistoryTableOfTheirOwn() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            MigrateResult result = flyway(db.dataSource(), "scheduled_tasks").migrate();

            assertThat(result.migrationsExecuted).isEqualTo(Schemas.latestVersion());
            assertRunsValidated(db.dataSource(), "scheduled_tasks");
            assertThat(flyway(db.dataSource(), "scheduled_tasks").migrate().migrationsExecuted)
                    .as("nothing left to apply").isZero();
        }
    }

    @Test
    void flywayNamesDbSchedulersTableAfterThePlaceholder() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            createDbSchedulerTable(db.dataSource(), "scheduled_tasks"); // the application's own, left alone

            flyway(db.dataSource(), "aif_tasks").migrate();

            assertRunsValidated(db.dataSource(), "aif_tasks");
            assertThat(executions(db.dataSource(), "scheduled_tasks")).isEmpty();
        }
    }

    @Test
    void liquibaseRunsTheChangelogOfTheDialectWithEveryScript() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            liquibase(db.dataSource(), Map.of());

            assertThat(tables(db.dataSource())).contains("databasechangelog", "scheduled_tasks", "aif_event");
            List<String> expected = new ArrayList<>();
            for (int version = 1; version <= Schemas.latestVersion(); version++) {
                expected.add(String.format("V%03d", version));
            }
            assertThat(appliedChangeSets(db.dataSource()))
                    .as("one change set per script in db/aifirst/changelog-" + Schemas.dialect() + ".xml")
                    .isEqualTo(expected);
            assertRunsValidated(db.dataSource(), "scheduled_tasks");
        }
    }

    @Test
    void liquibaseNamesDbSchedulersTableAfterTheChangelogProperty() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            liquibase(db.dataSource(), Map.of("aifirst_scheduler_table", "aif_tasks"));

            assertThat(tables(db.dataSource())).contains("aif_tasks").doesNotContain("scheduled_tasks");
            assertRunsValidated(db.dataSource(), "aif_tasks");
        }
    }

    /**
     * As an application sets up a second Flyway for the runtime's scripts beside its own: a history
     * table of its own, and a baseline below V001 for a schema that holds the application's tables.
     */
    private static Flyway flyway(DataSource dataSource, String schedulerTable) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/aifirst/" + Schemas.dialect())
                .table("aif_flyway_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(Map.of("aifirst_scheduler_table", schedulerTable))
                .load();
    }

    @SuppressWarnings("deprecation") // the Liquibase facade is still the shortest way to run a changelog in code
    private static void liquibase(DataSource dataSource, Map<String, String> parameters) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase("db/aifirst/changelog-" + Schemas.dialect() + ".xml",
                    new ClassLoaderResourceAccessor(), database)) {
                parameters.forEach(liquibase::setChangeLogParameter);
                liquibase.update(new Contexts(), new LabelExpression());
            }
        }
    }

    private static List<String> appliedChangeSets(DataSource dataSource) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM databasechangelog ORDER BY orderexecuted")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static void assertRunsValidated(DataSource dataSource, String schedulerTable) {
        try (StartedRuntime node = StartedRuntime.start(dataSource,
                b -> b.migrationMode(MigrationMode.VALIDATE).schedulerTable(schedulerTable))) {
            long id = node.book("Ada");
            assertThat(node.runtime().events().find(Booking.class, id, "booking_created").status())
                    .isEqualTo(EventStatus.OCCURRED);
        }
    }
}
