package dev.aifirst.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.AiFirst;
import dev.aifirst.PageRequest;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.ChildJvm;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestDatabase;
import dev.aifirst.testsupport.TestHibernate;
import dev.aifirst.workflows.fixtures.Halting;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node killed in the middle of a step: after a restart the run resumes at that step, which runs
 * again; the steps committed before the crash are neither skipped nor repeated.
 */
@DatabaseTest
class WorkflowCrashTest {

    /** Enough for every list a test reads. */
    static final PageRequest PAGE = PageRequest.first(100);

    @TempDir
    Path dir;

    @Test
    void aRunWhoseNodeDiedMidStepResumesAtThatStep() throws Exception {
        try (TestDatabase db = TestDatabase.isPostgres() ? TestDatabase.postgres() : TestDatabase.h2File(dir)) {
            EntityManagerFactory emf = TestHibernate.create(db.dataSource(), Booking.class);
            AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(emf)
                    .timeMachine(TimeMachine.startingAt(Instant.now())).start().close(); // creates the schema

            Path log = dir.resolve("workflow-node.log");
            Process child = ChildJvm.start(CrashingWorkflowNode.class, log, List.of("-Daifirst.test.haltInStepTwo=true"),
                    db.jdbcUrl(), db.user());
            assertThat(ChildJvm.await(child, log)).as(ChildJvm.output(log)).isEqualTo(137);
            assertThat(ChildJvm.output(log)).contains("halting inside step two");

            // The dead node's execution stays picked until its heartbeat is stale; a clock an hour
            // ahead lets dead-execution detection hand it to this node.
            TimeMachine time = TimeMachine.startingAt(Instant.now().plusSeconds(3600));
            try (AiFirst runtime = AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(emf)
                    .timeMachine(time).start()) {
                WorkflowRun before = runtime.workflows().runs(RunQuery.of(Halting.class), PAGE).items().get(0);
                assertThat(before.step()).isEqualTo("two");
                assertThat(before.context()).as("step one committed once").contains("\"visits\":1");

                time.detectDeadExecutions();
                time.runDue();

                WorkflowRun after = runtime.workflows().find(before.id());
                assertThat(after.status()).isEqualTo(RunStatus.COMPLETED);
                assertThat(after.result()).isEqualTo("3");
                assertThat(runtime.workflows().history(before.id(), PAGE).items())
                        .extracting(s -> s.step() + " " + s.outcome())
                        .containsExactly("one goTo(two)", "two goTo(three)", "three complete(3)");
            }
            emf.close();
        }
    }
}
