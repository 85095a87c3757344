package dev.aifirst.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aifirst.spring.app.BookingDesk;
import dev.aifirst.spring.app.StarterTestApplication;
import dev.aifirst.spring.testsupport.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The aifirst.* properties of the schema and of what is deployed reach the runtime. */
@DatabaseTest
class SchemaPropertiesTest {

    private static ConfigurableApplicationContext run(String... properties) {
        return new SpringApplicationBuilder(StarterTestApplication.class, TimeMachineConfiguration.class)
                .properties(properties).run();
    }

    @Test
    void migrationModeValidateRefusesADatabaseWithoutTheRuntimesTables() {
        assertThatThrownBy(() -> run("aifirst.migration-mode=validate").close())
                .hasStackTraceContaining("The database does not hold the schema this runtime needs");
    }

    @Test
    void theSchedulerTableIsTheOneNamed() {
        try (ConfigurableApplicationContext context = run("aifirst.scheduler-table=reservation_tasks")) {
            context.getBean(BookingDesk.class).book("Frances", false);

            Long waiting = context.getBean(JdbcTemplate.class)
                    .queryForObject("select count(*) from reservation_tasks", Long.class);
            assertThat(waiting).as("executions in reservation_tasks").isPositive();
        }
    }

    @Test
    void onlyPackagesNarrowsWhatIsDeployedAndRefusesAPackageWithNothingInIt() {
        try (ConfigurableApplicationContext context = run("aifirst.only-packages=dev.aifirst.spring.app")) {
            assertThat(context.isRunning()).isTrue();
        }
        assertThatThrownBy(() -> run("aifirst.only-packages=dev.aifirst.spring.nothing").close())
                .hasStackTraceContaining("package dev.aifirst.spring.nothing (and below) holds no @OnEvent handler");
    }
}
