package dev.aifirst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.events.fixtures.BookingHandlers;
import dev.aifirst.internal.observability.LogContext;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestHibernate;
import dev.aifirst.testsupport.TestRuntime;
import dev.aifirst.workflows.fixtures.Logged;
import dev.aifirst.workflows.fixtures.Unsteady;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

/** The meters an operator scrapes, and the MDC keys an application's logs carry inside user code. */
@DatabaseTest
class ObservabilityTest {

    /** A registry of the test's own, made when its runtime starts. */
    static SimpleMeterRegistry meters;

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension(Booking.class)
            .configure(runtime -> runtime.meterRegistry(meters = new SimpleMeterRegistry()))
            .build();

    AiFirst runtime;
    TimeMachine time;
    EntityManagerFactory emf;

    @BeforeEach
    void start() {
        runtime = aifirst.runtime();
        time = aifirst.time();
        emf = aifirst.entityManagerFactory();
        BookingHandlers.reset();
        Logged.MDC_SEEN.clear();
        Unsteady.reset();
    }

    private long saveConfirmedBooking() {
        Booking booking = new Booking("Ada", null);
        booking.setStatus(Booking.Status.CONFIRMED);
        TestHibernate.inTransaction(emf, em -> em.persist(booking));
        return booking.getId();
    }

    private double deliveries(String handler, String outcome) {
        return meters.get("aifirst.deliveries").tag("handler", BookingHandlers.class.getName() + "#" + handler)
                .tag("outcome", outcome).counter().count();
    }

    @Test
    void eventsThatOccurAndTheirDeliveriesAreCountedByOutcomeWithTheirLag() {
        BookingHandlers.FAILURES_TO_GO.set(1);
        saveConfirmedBooking();
        time.runDue();

        assertThat(meters.get("aifirst.events.occurred").tag("entity", Booking.class.getName())
                .tag("event", "booking_confirmed").counter().count()).isEqualTo(1);
        assertThat(deliveries("onConfirmed", "succeeded")).isEqualTo(1);
        assertThat(deliveries("flaky", "retried")).isEqualTo(1);

        time.advance(Duration.ofSeconds(5));
        assertThat(deliveries("flaky", "succeeded")).isEqualTo(1);
        // The retry was due 2 s after the first attempt and ran when the clock reached it: no lag.
        assertThat(meters.get("aifirst.delivery.lag").tag("handler", BookingHandlers.class.getName() + "#flaky")
                .timer().count()).isEqualTo(2);
    }

    @Test
    void stepsAreTimedByOutcomeAndRunsCountedByStatus() {
        runtime.workflows().start(Logged.class, new Logged.Context());
        Unsteady.Context doomed = new Unsteady.Context();
        doomed.failForGood = true;
        runtime.workflows().start(Unsteady.class, doomed);
        time.advance(Duration.ofSeconds(5));

        assertThat(meters.get("aifirst.steps").tag("workflow", "logged").tag("outcome", "succeeded").timers())
                .hasSize(2);
        assertThat(meters.get("aifirst.steps").tag("workflow", "unsteady").tag("step", "work")
                .tag("outcome", "retried").timer().count()).isEqualTo(1);
        assertThat(meters.get("aifirst.steps").tag("workflow", "unsteady").tag("step", "work")
                .tag("outcome", "failed").timer().count()).isEqualTo(1);
        System.gc(); // Micrometer holds a gauge's object weakly: the runtime must keep its own alive
        assertThat(meters.get("aifirst.runs").tag("status", "completed").gauge().value()).isEqualTo(1);
        assertThat(meters.get("aifirst.runs").tag("status", "failed").gauge().value()).isEqualTo(1);
        assertThat(meters.get("aifirst.runs").tag("status", "running").gauge().value()).isZero();
    }

    @Test
    void theBacklogGaugesShowDueWorkAndHowLongTheOldestHasWaited() {
        assertThat(meters.get("aifirst.backlog.due").gauge().value()).isZero();
        assertThat(meters.get("aifirst.backlog.oldest.age").timeGauge().value(TimeUnit.SECONDS)).isZero();
    }

    @Test
    void userCodeRunsWithTheMdcKeysOfItsRunOrEventAndTheCallersKeysComeBack() {
        MDC.put(LogContext.STEP, "the caller's own");
        String runId = runtime.workflows().start(Logged.class, new Logged.Context());
        long bookingId = saveConfirmedBooking();
        time.runDue();

        assertThat(Logged.MDC_SEEN).hasSize(2);
        Map<String, String> first = Logged.MDC_SEEN.get(0);
        assertThat(first).containsEntry(LogContext.RUN_ID, runId).containsEntry(LogContext.WORKFLOW, "logged")
                .containsEntry(LogContext.STEP, "first").containsEntry(LogContext.ATTEMPT, "1");
        assertThat(Logged.MDC_SEEN.get(1)).containsEntry(LogContext.STEP, "second");
        assertThat(BookingHandlers.MDC_SEEN).anySatisfy(seen -> assertThat(seen)
                .containsEntry(LogContext.EVENT, "booking_confirmed")
                .containsEntry(LogContext.ENTITY, "Booking#" + bookingId)
                .containsEntry(LogContext.HANDLER, BookingHandlers.class.getName() + "#onConfirmed")
                .containsEntry(LogContext.ATTEMPT, "1"));
        assertThat(MDC.get(LogContext.STEP)).as("the runtime put back what the thread had").isEqualTo("the caller's own");
        assertThat(MDC.get(LogContext.RUN_ID)).isNull();
        MDC.clear();
    }
}
