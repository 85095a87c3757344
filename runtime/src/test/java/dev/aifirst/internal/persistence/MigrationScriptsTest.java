package dev.aifirst.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rules a new migration script keeps, so that the runtime, Flyway and Liquibase can all run it. */
class MigrationScriptsTest {

    @Test
    void bothDialectsShipTheSameVersions() {
        assertThat(Migrations.latestVersion(Dialect.POSTGRESQL)).isEqualTo(Migrations.latestVersion(Dialect.H2))
                .isPositive();
    }

    @Test
    void everyScriptNamesDbSchedulersTableByItsPlaceholderOnly() {
        for (Dialect dialect : Dialect.values()) {
            for (int version = 1; version <= Migrations.latestVersion(dialect); version++) {
                String script = Migrations.script(dialect, version, "configured_table");
                assertThat(script).as(Migrations.path(dialect, version)
                                + ": db-scheduler's table is " + SchedulerTable.PLACEHOLDER + ", whatever it is named")
                        .doesNotContainIgnoringCase(SchedulerTable.DEFAULT_NAME)
                        .doesNotContain("${");
                assertThat(script.lines().findFirst().orElse(""))
                        .as(Migrations.path(dialect, version) + ": the first line is a comment that describes it")
                        .startsWith("-- ");
            }
        }
    }

    @Test
    void thePlaceholderIsReplacedWithTheConfiguredName() {
        assertThat(Migrations.script(Dialect.H2, 1, "aif_tasks"))
                .contains("CREATE TABLE IF NOT EXISTS aif_tasks (")
                .contains("aif_tasks_execution_time_idx ON aif_tasks (execution_time)");
    }
}
