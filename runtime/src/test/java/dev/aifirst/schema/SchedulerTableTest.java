package dev.aifirst.schema;

import static dev.aifirst.schema.ApplicationTables.addApplicationExecution;
import static dev.aifirst.schema.ApplicationTables.createDbSchedulerTable;
import static dev.aifirst.schema.ApplicationTables.executions;
import static dev.aifirst.schema.ApplicationTables.execute;
import static dev.aifirst.schema.ApplicationTables.indexes;
import static dev.aifirst.schema.ApplicationTables.recordedVersions;
import static dev.aifirst.schema.ApplicationTables.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import dev.aifirst.AiFirst;
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
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * db-scheduler's table: an application that runs db-scheduler itself keeps its table, which the runtime
 * reuses as it is or, under a name of its own, leaves alone.
 */
@DatabaseTest
class SchedulerTableTest {

    private static final Instant T0 = TestRuntime.T0;

    @Test
    void theApplicationsDbSchedulerTableIsReusedAsItIsAndItsExecutionsAreNeverDeleted() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            createDbSchedulerTable(db.dataSource(), "scheduled_tasks");
            addApplicationExecution(db.dataSource(), "scheduled_tasks", "newsletter", "weekly", T0.plus(Duration.ofDays(1)));
            Set<String> indexesBefore = indexes(db.dataSource(), "scheduled_tasks");

            try (StartedRuntime node = StartedRuntime.start(db.dataSource(), UnaryOperator.identity())) {
                long id = node.book("Ada");
                assertThat(node.runtime().events().find(Booking.class, id, "booking_created").status())
                        .isEqualTo(EventStatus.OCCURRED);

                // Past db-scheduler's 14 days for executions of tasks it does not know: the
                // application's execution, due for weeks, is neither run nor deleted by the runtime.
                node.time().advance(Duration.ofDays(30));
                node.time().detectDeadExecutions();
                assertThat(executions(db.dataSource(), "scheduled_tasks")).containsExactly("newsletter weekly");
                assertThat(node.runtime().backlog().due()).as("the runtime's backlog counts its own work only").isZero();
            }
            assertThat(indexes(db.dataSource(), "scheduled_tasks")).isEqualTo(indexesBefore);
            assertThat(recordedVersions(db.dataSource()).get(0)).startsWith("1 ").endsWith("reused the existing scheduled_tasks");
        }
    }

    @Test
    void theApplicationsSchedulerAndTheRuntimeEachRunTheirOwnExecutionsInTheSharedTable() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            createDbSchedulerTable(db.dataSource(), "scheduled_tasks");
            addApplicationExecution(db.dataSource(), "scheduled_tasks", "newsletter", "weekly", T0.plus(Duration.ofDays(1)));
            List<String> newsletters = new CopyOnWriteArrayList<>();
            OneTimeTask<Void> newsletter = Tasks.oneTime("newsletter").execute((instance, context) -> newsletters.add(instance.getId()));
            SettableClock applicationClock = new SettableClock();
            ManualScheduler application = TestHelper.createManualScheduler(db.dataSource(), List.of(newsletter))
                    .clock(applicationClock).build();

            try (StartedRuntime node = StartedRuntime.start(db.dataSource(), UnaryOperator.identity())) {
                Booking booking = new Booking("Ada", T0.plus(Duration.ofDays(3)));
                booking.setStatus(Booking.Status.CONFIRMED);
                TestHibernate.inTransaction(node.emf(), em -> em.persist(booking));

                applicationClock.set(T0.plus(Duration.ofDays(2)));
                application.runAnyDueExecutions();
                assertThat(newsletters).containsExactly("weekly");

                node.time().advance(Duration.ofDays(3));
                assertThat(node.runtime().events().find(Booking.class, booking.getId(), "checkin_due").status())
                        .isEqualTo(EventStatus.OCCURRED);
            }
        }
    }

    @Test
    void aTableOfThatNameWithoutDbSchedulersColumnsIsRefusedNamingWhatItLacks() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            execute(db.dataSource(), "CREATE TABLE scheduled_tasks (task_name VARCHAR(100), task_instance VARCHAR(100),"
                    + " execution_time TIMESTAMP WITH TIME ZONE, version BIGINT)");

            assertThatThrownBy(() -> StartedRuntime.start(db.dataSource(), UnaryOperator.identity()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the table scheduled_tasks is not a db-scheduler table the runtime can use:"
                            + " it has no column task_data, picked, picked_by, last_success, last_failure,"
                            + " consecutive_failures, last_heartbeat")
                    .hasMessageContaining("AiFirst.builder().schedulerTable(\"aif_scheduled_tasks\")");
        }
    }

    @Test
    void underANameOfItsOwnTheRuntimeKeepsItsExecutionsApartFromTheApplications() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            createDbSchedulerTable(db.dataSource(), "scheduled_tasks");
            addApplicationExecution(db.dataSource(), "scheduled_tasks", "newsletter", "weekly", T0);

            try (StartedRuntime node = StartedRuntime.start(db.dataSource(), b -> b.schedulerTable("aif_tasks"))) {
                Booking later = new Booking("Ada", T0.plus(Duration.ofDays(3)));
                later.setStatus(Booking.Status.CONFIRMED);
                TestHibernate.inTransaction(node.emf(), em -> em.persist(later));
                assertThat(executions(db.dataSource(), "aif_tasks")).isNotEmpty()
                        .allMatch(execution -> execution.startsWith("aif-"));
                assertThat(executions(db.dataSource(), "scheduled_tasks")).containsExactly("newsletter weekly");

                Doubler.Context context = new Doubler.Context();
                context.value = 21;
                String run = node.runtime().workflows().start(Doubler.class, context);
                node.time().advance(Duration.ofDays(3));

                assertThat(node.runtime().workflows().find(run).status()).isEqualTo(RunStatus.COMPLETED);
                assertThat(node.runtime().events().find(Booking.class, later.getId(), "checkin_due").status())
                        .isEqualTo(EventStatus.OCCURRED);
                assertThat(executions(db.dataSource(), "aif_tasks")).allMatch(execution -> execution.startsWith("aif-"));
                assertThat(executions(db.dataSource(), "scheduled_tasks")).containsExactly("newsletter weekly");
            }
            assertThat(indexes(db.dataSource(), "aif_tasks"))
                    .contains("aif_tasks_execution_time_idx", "aif_tasks_last_heartbeat_idx");
        }
    }

    @Test
    void aSchemaMadeWithAnotherTableNameIsRefusedRatherThanLeavingItsWorkBehind() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            StartedRuntime.start(db.dataSource(), UnaryOperator.identity()).close();

            assertThatThrownBy(() -> StartedRuntime.start(db.dataSource(), b -> b.schedulerTable("aif_tasks")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("db-scheduler's table aif_tasks does not exist, but the AI-First schema is at version")
                    .hasMessageContaining("it was made with another table name");
            assertThat(tables(db.dataSource())).doesNotContain("aif_tasks");
        }
    }

    @Test
    void aTableNameThatIsNoPlainIdentifierIsRefusedAtOnce() {
        assertThatThrownBy(() -> AiFirst.builder().schedulerTable("tasks; DROP TABLE aif_event"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tasks; DROP TABLE aif_event'");
    }
}
