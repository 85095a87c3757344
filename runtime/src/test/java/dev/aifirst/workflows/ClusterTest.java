package dev.aifirst.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aifirst.AiFirst;
import dev.aifirst.PageRequest;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.testsupport.ChildJvm;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestDatabase;
import dev.aifirst.testsupport.TestHibernate;
import dev.aifirst.workflows.fixtures.Chain;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runtimes on one PostgreSQL database share the work: 1,000 runs of five steps, no step executed
 * twice, none lost, also when one of the nodes leaves halfway; and when a node in a JVM of its own is
 * killed, the other completes the runs it held.
 */
@DatabaseTest
class ClusterTest {

    /** Every run of a test, in one page: the tests count them. */
    static final PageRequest PAGE = PageRequest.first(PageRequest.MAX_LIMIT);

    @TempDir
    Path dir;

    static final int RUNS = 1_000;

    private static AiFirst node(TestDatabase db, EntityManagerFactory emf, String name) {
        return AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(emf).nodeName(name).threads(4)
                .pollingInterval(Duration.ofMillis(100)).start();
    }

    @Test
    void twoNodesRunEveryStepOnceAndFinishWhatALeavingNodeLeft() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "the cluster test runs on PostgreSQL (its run with -Daifirst.test.db=postgresql)");
        Chain.EXECUTIONS.clear();
        Chain.OVERLAPS.set(0);
        try (TestDatabase db = TestDatabase.create()) {
            EntityManagerFactory emfA = TestHibernate.create(db.dataSource(), Booking.class);
            EntityManagerFactory emfB = TestHibernate.createExisting(db.dataSource(), Booking.class);
            AiFirst a = node(db, emfA, "node-a");
            AiFirst b = node(db, emfB, "node-b");
            try {
                for (int i = 0; i < RUNS; i++) {
                    Chain.Context context = new Chain.Context();
                    context.label = "run-" + i;
                    (i % 2 == 0 ? a : b).workflows().start(Chain.class, context);
                }
                awaitCompleted(b, RUNS / 4, Duration.ofMinutes(2));
                a.close(); // node A leaves; its scheduled and unfinished work is B's now

                awaitCompleted(b, RUNS, Duration.ofMinutes(3));
                assertThat(b.workflows().count(RunQuery.withStatus(RunStatus.COMPLETED))).isEqualTo(RUNS);
                assertThat(Chain.OVERLAPS).as("no step ran twice at the same time").hasValue(0);
                assertThat(Chain.EXECUTIONS).hasSize(RUNS * 5);
                AtomicInteger repeated = new AtomicInteger();
                Chain.EXECUTIONS.forEach((key, count) -> {
                    if (count.get() != 1) {
                        repeated.incrementAndGet();
                    }
                });
                assertThat(repeated).as("steps executed more than once").hasValue(0);
            } finally {
                a.close();
                b.close();
                emfA.close();
                emfB.close();
            }
        }
    }

    @Test
    void aKilledNodesRunsCompleteOnTheOtherNode() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "the cluster test runs on PostgreSQL (its run with -Daifirst.test.db=postgresql)");
        int runs = 300;
        try (TestDatabase db = TestDatabase.create()) {
            EntityManagerFactory emf = TestHibernate.create(db.dataSource(), Booking.class);
            AiFirst b = AiFirst.builder().dataSource(db.dataSource()).entityManagerFactory(emf).nodeName("node-b")
                    .threads(4).pollingInterval(Duration.ofMillis(100)).heartbeatInterval(Duration.ofSeconds(1)).start();
            Path log = dir.resolve("node-a.log");
            Process a = ChildJvm.start(ClusterNode.class, log, List.of("-Daifirst.test.chainPauseMillis=50"),
                    db.jdbcUrl(), db.user(), String.valueOf(runs));
            try {
                // Node A starts its runs and works on them beside B; it is killed while it holds some.
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!ChildJvm.output(log).contains("started " + runs + " runs") || executionsPickedBy(db, "node-a") == 0) {
                    assertThat(a.isAlive()).as(ChildJvm.output(log)).isTrue();
                    assertThat(System.nanoTime()).as("node A started its runs and picked some").isLessThan(deadline);
                    Thread.sleep(20);
                }
                a.destroyForcibly().waitFor();
                int heldByTheDeadNode = executionsPickedBy(db, "node-a");
                assertThat(heldByTheDeadNode).as("executions node A held when it was killed").isPositive();

                // B notices the missing heartbeats after four intervals and takes them over.
                awaitCompleted(b, runs, Duration.ofMinutes(3));
                assertThat(executionsPickedBy(db, "node-a")).isZero();
                for (WorkflowRun run : b.workflows().runs(RunQuery.of(Chain.class), PAGE).items()) {
                    assertThat(b.workflows().history(run.id(), PAGE).items())
                            .as(run.id()).extracting(s -> s.step() + " " + s.outcome())
                            .containsExactly("one goTo(two)", "two goTo(three)", "three goTo(four)", "four goTo(five)",
                                    "five complete()");
                    assertThat(run.context()).as("each step committed once").contains("\"steps\":5");
                }
            } finally {
                a.destroyForcibly();
                b.close();
                emf.close();
            }
        }
    }

    private static int executionsPickedBy(TestDatabase db, String node) throws Exception {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM scheduled_tasks WHERE picked AND picked_by = ?")) {
            statement.setString(1, node);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Waits until {@code count} runs completed, checking every 50 ms; fails after {@code limit}. */
    private static void awaitCompleted(AiFirst node, int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (node.workflows().count(RunQuery.withStatus(RunStatus.COMPLETED)) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(node.workflows().count(RunQuery.withStatus(RunStatus.COMPLETED)) + " of " + count
                        + " runs completed within " + limit);
            }
            Thread.sleep(50);
        }
    }
}
