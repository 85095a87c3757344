package dev.aifirst.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aifirst.PageRequest;
import dev.aifirst.events.DeliveryQuery;
import dev.aifirst.events.DeliveryRecord;
import dev.aifirst.events.DeliveryStatus;
import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.events.fixtures.BookingHandlers;
import dev.aifirst.faults.fixtures.Doomed;
import dev.aifirst.faults.fixtures.Persistent;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestDatabase;
import dev.aifirst.testsupport.TestHibernate;
import dev.aifirst.workflows.RunQuery;
import dev.aifirst.workflows.RunStatus;
import dev.aifirst.workflows.StepExecution;
import dev.aifirst.workflows.WorkflowRun;
import dev.aifirst.workflows.fixtures.Chain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The runtime recovers from database faults in seconds, without losing or doubling work: its pool's
 * connections terminated by the server while runs and handlers are in flight, the database gone for
 * five seconds, the database gone while a run fails for good (its {@code @OnFail} still runs once),
 * and retries that come due between two polls. A real polling runtime on PostgreSQL, behind a
 * {@link dev.aifirst.testing.TcpProxy}; each wait gives up after a minute, so that a runtime that
 * takes minutes to recover fails in one.
 */
@DatabaseTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DatabaseFaultsTest {

    static final int RUNS = 200;
    static final int BOOKINGS = 50;
    /** Each step of the load takes this long, so that the fault lands while runs are mid-way. */
    static final long STEP_PAUSE_MILLIS = 30;
    /** What the runtime must recover within, from the end of the fault. */
    static final Duration RECOVERY = Duration.ofSeconds(10);
    /** When a test stops waiting for what should have happened long before. */
    static final Duration GIVE_UP = Duration.ofSeconds(60);
    static final Duration POLLING = Duration.ofMillis(500);
    static final PageRequest PAGE = PageRequest.first(PageRequest.MAX_LIMIT);

    @BeforeEach
    void onPostgresOnly() {
        assumeTrue(TestDatabase.isPostgres(),
                "the fault tests run on PostgreSQL (their run with -Daifirst.test.db=postgresql)");
    }

    @Test
    void connectionsTerminatedMidFlightLoseNothingAndDoubleNothing() throws Exception {
        try (FaultRig rig = FaultRig.start(POLLING)) {
            List<String> runs = startLoad(rig);
            long completedBefore = awaitInFlight(rig);

            int terminated = rig.terminatePoolConnections();
            long faultEnded = System.nanoTime();
            assertThat(terminated).as("server processes of the pool's connections terminated").isPositive();
            System.out.printf("[faults] terminated %d connections with %d of %d runs completed%n", terminated,
                    completedBefore, RUNS);

            Duration recovery = awaitLoadDone(rig, faultEnded);
            System.out.println("[faults] after the terminated connections, the load was done in " + recovery.toMillis()
                    + " ms");
            assertThat(recovery).as("from the terminated connections to the last run and handler done")
                    .isLessThanOrEqualTo(RECOVERY);
            assertNothingLostNothingDoubled(rig, runs);
        }
    }

    @Test
    void aFiveSecondOutageMidFlightLosesNothingAndDoublesNothing() throws Exception {
        try (FaultRig rig = FaultRig.start(POLLING)) {
            List<String> runs = startLoad(rig);
            long completedBefore = awaitInFlight(rig);

            rig.proxy.outage(Duration.ofSeconds(5));
            System.out.printf("[faults] outage of 5 s with %d of %d runs completed%n", completedBefore, RUNS);
            awaitUntil(() -> !rig.proxy.isCut(), Duration.ofSeconds(10), () -> "the outage did not end");
            long faultEnded = System.nanoTime();

            Duration recovery = awaitLoadDone(rig, faultEnded);
            System.out.println("[faults] after the outage, the load was done in " + recovery.toMillis() + " ms");
            assertThat(recovery).as("from the end of the outage to the last run and handler done")
                    .isLessThanOrEqualTo(RECOVERY);
            assertNothingLostNothingDoubled(rig, runs);
        }
    }

    @Test
    void onFailRunsOnceWhenTheDatabaseGoesAwayDuringTheLastAttempt() throws Exception {
        Doomed.reset();
        try (FaultRig rig = FaultRig.start(POLLING)) {
            CountDownLatch cut = new CountDownLatch(1);
            Doomed.BEFORE_LAST_FAILURE.set(() -> {
                rig.proxy.cut();
                cut.countDown();
            });
            Doomed.Context context = new Doomed.Context();
            context.label = "doomed";
            String id = rig.runtime.workflows().start(Doomed.class, context);

            assertThat(cut.await(30, TimeUnit.SECONDS)).as("the last attempt ran and took the database away").isTrue();
            Thread.sleep(3_000);
            rig.proxy.restore();
            long restored = System.nanoTime();

            awaitUntil(() -> statusOf(rig, id) == RunStatus.FAILED, GIVE_UP,
                    () -> "run " + id + " is " + statusOf(rig, id) + ", not FAILED, " + GIVE_UP.toSeconds()
                            + " s after the database came back; @OnFail calls: " + Doomed.ON_FAIL_CALLS.get()
                            + ", attempts: " + Doomed.ATTEMPTS.get());
            System.out.println("[faults] the run was FAILED " + Duration.ofNanos(System.nanoTime() - restored).toMillis()
                    + " ms after the database came back; @OnFail calls so far: " + Doomed.ON_FAIL_CALLS.get());
            assertThat(Duration.ofNanos(System.nanoTime() - restored)).as("from the database's return to FAILED")
                    .isLessThanOrEqualTo(RECOVERY);

            Thread.sleep(5_000); // time for a second call, if one were to come
            assertThat(Doomed.ON_FAIL_CALLS).as("@OnFail calls").hasValue(1);
            assertThat(rig.runtime.workflows().find(id).status()).isEqualTo(RunStatus.FAILED);
            assertThat(rig.runtime.workflows().history(id, PAGE).items())
                    .extracting(s -> s.step() + " " + s.attempt() + " " + s.outcome())
                    .containsExactly("attempt 1 FAILED", "attempt 2 FAILED");
        }
    }

    @Test
    void retriesDueBetweenPollsRunOnTime() throws Exception {
        Persistent.FAILURES_TO_GO.set(2);
        try (FaultRig rig = FaultRig.start(Duration.ofSeconds(5))) {
            Persistent.Context context = new Persistent.Context();
            context.label = "persistent";
            String id = rig.runtime.workflows().start(Persistent.class, context);

            awaitUntil(() -> statusOf(rig, id) == RunStatus.COMPLETED, Duration.ofSeconds(30),
                    () -> "run " + id + " is " + statusOf(rig, id) + " after 30 s; history: " + historyOf(rig, id));
            List<StepExecution> attempts = rig.runtime.workflows().history(id, PAGE).items();
            assertThat(attempts).extracting(s -> s.attempt() + " " + s.outcome())
                    .containsExactly("1 FAILED", "2 FAILED", "3 complete()");
            Duration first = Duration.between(attempts.get(0).startedAt(), attempts.get(1).startedAt());
            Duration second = Duration.between(attempts.get(1).startedAt(), attempts.get(2).startedAt());
            System.out.println("[faults] attempts started " + first.toMillis() + " ms and " + second.toMillis()
                    + " ms apart (backoff 1 s, then 2 s; polling every 5 s)");
            assertThat(first.toMillis()).as("from attempt 1 to attempt 2, backoff 1 s").isBetween(700L, 1_300L);
            assertThat(second.toMillis()).as("from attempt 2 to attempt 3, backoff 2 s").isBetween(1_700L, 2_300L);
        }
    }

    /** Starts {@value #RUNS} runs of five steps and saves {@value #BOOKINGS} bookings, each welcomed by a handler. */
    private static List<String> startLoad(FaultRig rig) {
        Chain.reset(STEP_PAUSE_MILLIS);
        BookingHandlers.reset();
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Chain.Context context = new Chain.Context();
            context.label = "run-" + i;
            runs.add(rig.runtime.workflows().start(Chain.class, context));
        }
        for (int i = 0; i < BOOKINGS; i++) {
            Booking booking = new Booking();
            booking.setGuest("guest-" + i);
            TestHibernate.inTransaction(rig.emf, em -> em.persist(booking));
        }
        return runs;
    }

    /** Waits until a fifth of the runs completed, and checks that the rest are still going. */
    private static long awaitInFlight(FaultRig rig) throws Exception {
        awaitUntil(() -> completed(rig) >= RUNS / 5, Duration.ofSeconds(30),
                () -> "a fifth of the runs did not complete within 30 s: " + completed(rig));
        long completed = completed(rig);
        assertThat(completed).as("runs completed before the fault: the fault must land mid-flight").isLessThan(RUNS);
        return completed;
    }

    /** Waits until every run completed and every booking was welcomed; the time since {@code since}. */
    private static Duration awaitLoadDone(FaultRig rig, long since) throws Exception {
        awaitUntil(() -> completed(rig) == RUNS && welcomed(rig) == BOOKINGS,
                GIVE_UP.minus(Duration.ofNanos(System.nanoTime() - since)),
                () -> completed(rig) + " of " + RUNS + " runs completed and " + welcomed(rig) + " of " + BOOKINGS
                        + " bookings welcomed " + GIVE_UP.toSeconds() + " s after the fault");
        return Duration.ofNanos(System.nanoTime() - since);
    }

    private static void assertNothingLostNothingDoubled(FaultRig rig, List<String> runs) throws Exception {
        assertThat(rig.runtime.workflows().count(RunQuery.of(Chain.class))).isEqualTo(RUNS);
        for (String id : runs) {
            WorkflowRun run = rig.runtime.workflows().find(id);
            assertThat(run.status()).as(id).isEqualTo(RunStatus.COMPLETED);
            assertThat(rig.runtime.workflows().history(id, PAGE).items())
                    .as("history of %s: each step once, no transition twice", id)
                    .extracting(s -> s.step() + " " + s.outcome())
                    .containsExactly("one goTo(two)", "two goTo(three)", "three goTo(four)", "four goTo(five)",
                            "five complete()");
            assertThat(run.context()).as("each step's context committed once").contains("\"steps\":5");
        }
        System.out.println("[faults] step executions repeated after the fault (at-least-once, not committed twice): "
                + Chain.repeatedExecutions());

        assertThat(rig.count("SELECT count(*) FROM booking")).isEqualTo(BOOKINGS);
        assertThat(rig.count("SELECT count(*) FROM booking WHERE guest LIKE 'guest-% (welcomed)'"))
                .as("bookings welcomed").isEqualTo(BOOKINGS);
        assertThat(rig.count("SELECT count(*) FROM booking WHERE guest LIKE '%(welcomed)%(welcomed)%'"))
                .as("bookings welcomed twice").isZero();
        List<DeliveryRecord> welcomes = rig.runtime.events().deliveries(DeliveryQuery.all(), PAGE).items().stream()
                .filter(d -> d.subscriber().endsWith("#onCreated")).toList();
        assertThat(welcomes).as("deliveries of booking_created to onCreated").hasSize(BOOKINGS)
                .allSatisfy(d -> assertThat(d.status()).as(d.toString()).isEqualTo(DeliveryStatus.DONE));
    }

    private static long completed(FaultRig rig) {
        return rig.runtime.workflows().count(RunQuery.of(Chain.class).status(RunStatus.COMPLETED));
    }

    private static long welcomed(FaultRig rig) {
        try {
            return rig.count("SELECT count(*) FROM booking WHERE guest LIKE '%(welcomed)'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RunStatus statusOf(FaultRig rig, String id) {
        return rig.runtime.workflows().find(id).status();
    }

    private static String historyOf(FaultRig rig, String id) {
        return rig.runtime.workflows().history(id, PAGE).items().toString();
    }

    /**
     * Checks {@code condition} every 50 ms until it holds; a check that fails because the database is
     * away counts as not yet. Fails with {@code message} after {@code limit}.
     *
     * @return how long it took
     */
    private static Duration awaitUntil(BooleanSupplier condition, Duration limit, Supplier<String> message)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (RuntimeException notYet) {
                // the runtime's pool is still reconnecting
            }
            if (System.nanoTime() > deadline) {
                String text;
                try {
                    text = message.get();
                } catch (RuntimeException e) {
                    text = "gave up waiting (" + e + ")";
                }
                throw new AssertionError(text);
            }
            Thread.sleep(50);
        }
    }
}
