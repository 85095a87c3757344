package dev.aifirst.internal.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.persistence.Migrations;
import dev.aifirst.internal.scheduling.Executions;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestDatabase;
import dev.aifirst.workflows.RunStatus;
import dev.aifirst.workflows.StepExecution;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SQL of a transition, on H2 and PostgreSQL. */
@DatabaseTest
class RunStoreTest {

    static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    TestDatabase db;
    Database database;
    RunStore store;

    @BeforeEach
    void start() {
        db = TestDatabase.create();
        database = new Database(db.dataSource());
        new Migrations(database).migrate();
        store = new RunStore(database.dialect(), Executions.of(database));
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private RunRow newRun() {
        RunRow run = new RunRow();
        run.id = "run-1";
        run.workflow = "chain";
        run.version = 1;
        run.status = RunStatus.RUNNING;
        run.step = "one";
        run.attempt = 1;
        run.context = "{}";
        run.createdAt = T0;
        run.updatedAt = T0;
        write(c -> {
            store.insertWithExecution(c, run, "aif-workflow", run.id + ":1", T0);
            return null;
        });
        return run;
    }

    /** As the engine writes: without a transaction where the store's writes are single statements. */
    private <T> T write(Database.TransactionWork<T> work) {
        return store.writesInOneStatement() ? database.inAutoCommit(work) : database.inTransaction(work);
    }

    private static StepHistoryStore.History history(String step) {
        return new StepHistoryStore.History(step, 1, T0, T0.plusSeconds(1), "goTo(two)", null, 0.5, "Step " + step);
    }

    private List<StepExecution> historyOf(RunRow run) {
        return database.inTransaction(c -> StepHistoryStore.page(c, run.id, 0, 100)).stream().map(StepHistoryStore.HistoryRow::execution).toList();
    }

    @Test
    void aTransitionWritesTheStateAndItsHistoryRowTogether() {
        RunRow run = newRun();
        run.step = "two";
        run.progress = 0.5;
        boolean written = write(c -> store.updateWithHistory(c, run, 0, history("one")));

        assertThat(written).isTrue();
        RunRow stored = database.inTransaction(c -> store.find(c, run.id, false));
        assertThat(stored.step).isEqualTo("two");
        assertThat(stored.seq).isEqualTo(1);
        assertThat(historyOf(run)).singleElement().satisfies(step -> {
            assertThat(step.step()).isEqualTo("one");
            assertThat(step.startedAt()).isEqualTo(T0);
            assertThat(step.endedAt()).isEqualTo(T0.plusSeconds(1));
            assertThat(step.outcome()).isEqualTo("goTo(two)");
            assertThat(step.progress()).isEqualTo(0.5);
            assertThat(step.display()).isEqualTo("Step one");
        });
    }

    @Test
    void aNewRunIsWrittenWithItsFirstExecution() throws Exception {
        RunRow run = newRun();
        assertThat(database.inTransaction(c -> store.find(c, run.id, false)).workflow).isEqualTo("chain");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT task_name, task_instance, execution_time FROM scheduled_tasks")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("aif-workflow run-1:1");
            assertThat(rs.getObject(3, OffsetDateTime.class).toInstant()).isEqualTo(T0);
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void aStaleTransitionWritesNeitherStateNorHistory() {
        RunRow run = newRun();
        run.step = "two";
        boolean written = write(c -> store.updateWithHistory(c, run, 7, history("one")));

        assertThat(written).as("the run's sequence is 0, not 7").isFalse();
        assertThat(database.inTransaction(c -> store.find(c, run.id, false)).step).isEqualTo("one");
        assertThat(historyOf(run)).as("no history row without its transition")
                .isEmpty();
    }
}
