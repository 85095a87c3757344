package dev.aifirst.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aifirst.AiFirst;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestDatabase;
import dev.aifirst.testsupport.TestHibernate;
import dev.aifirst.workflows.fixtures.Chain;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two runtimes on one PostgreSQL database share the work: 1,000 runs of five steps, no step executed
 * twice, none lost, also when one of the nodes leaves halfway.
 */
@DatabaseTest
class ClusterTest {

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
                assertThat(b.workflows().runs(RunStatus.COMPLETED)).hasSize(RUNS);
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

    /** Waits until {@code count} runs completed, checking every 50 ms; fails after {@code limit}. */
    private static void awaitCompleted(AiFirst node, int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (node.workflows().runs(RunStatus.COMPLETED).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(node.workflows().runs(RunStatus.COMPLETED).size() + " of " + count
                        + " runs completed within " + limit);
            }
            Thread.sleep(50);
        }
    }
}
