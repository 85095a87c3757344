package dev.aifirst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.events.fixtures.Booking;
import dev.aifirst.events.fixtures.BookingHandlers;
import dev.aifirst.testing.AiFirstExtension;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.TestHibernate;
import dev.aifirst.testsupport.TestRuntime;
import dev.aifirst.workflows.fixtures.DoublerParent;
import dev.aifirst.workflows.fixtures.Logged;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A trace goes from the request that saved an entity or started a run to the handlers and steps
 * that follow, days later on the test's clock: their spans are children of the request's span.
 */
@DatabaseTest
class TracingTest {

    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    static final OpenTelemetrySdk OTEL = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    @RegisterExtension
    static final AiFirstExtension aifirst = TestRuntime.extension(Booking.class)
            .configure(runtime -> runtime.openTelemetry(OTEL))
            .build();

    AiFirst runtime;
    TimeMachine time;
    EntityManagerFactory emf;
    final Tracer application = OTEL.getTracer("the application");

    @BeforeEach
    void start() {
        runtime = aifirst.runtime();
        time = aifirst.time();
        emf = aifirst.entityManagerFactory();
        BookingHandlers.reset();
        SPANS.reset();
    }

    /** Runs {@code work} inside a span of the application's, as a web request would; that span's context. */
    private <T> SpanContext inRequest(Supplier<T> work) {
        Span request = application.spanBuilder("POST /bookings").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            work.get();
        } finally {
            request.end();
        }
        return request.getSpanContext();
    }

    private List<SpanData> spansNamed(String prefix) {
        return SPANS.getFinishedSpanItems().stream().filter(s -> s.getName().startsWith(prefix)).toList();
    }

    private Booking confirmedBooking(Duration checkinIn) {
        Booking booking = new Booking("Ada", checkinIn == null ? null : time.now().plus(checkinIn));
        booking.setStatus(Booking.Status.CONFIRMED);
        return booking;
    }

    @Test
    void aHandlerRunsInASpanThatIsAChildOfTheRequestThatSavedTheEntity() {
        Booking booking = confirmedBooking(null);
        SpanContext request = inRequest(() -> {
            TestHibernate.inTransaction(emf, em -> em.persist(booking));
            return null;
        });
        time.runDue();

        SpanData handler = spansNamed("BookingHandlers#onConfirmed").get(0);
        assertThat(handler.getTraceId()).isEqualTo(request.getTraceId());
        assertThat(handler.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(handler.getAttributes().get(AttributeKey.stringKey("aifirst.event"))).isEqualTo("booking_confirmed");
        assertThat(handler.getAttributes().get(AttributeKey.stringKey("aifirst.entity")))
                .isEqualTo("Booking#" + booking.getId());
    }

    @Test
    void aFailingHandlerAttemptIsAFailedSpan() {
        BookingHandlers.FAILURES_TO_GO.set(1);
        inRequest(() -> {
            TestHibernate.inTransaction(emf, em -> em.persist(confirmedBooking(null)));
            return null;
        });
        time.advance(Duration.ofSeconds(5));

        List<SpanData> attempts = spansNamed("BookingHandlers#flaky");
        assertThat(attempts).extracting(s -> s.getStatus().getStatusCode())
                .containsExactly(StatusCode.ERROR, StatusCode.UNSET);
        assertThat(attempts.get(0).getEvents()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("exception"));
    }

    @Test
    void theStepsOfARunStartedInARequestAreChildrenOfIt() {
        SpanContext request = inRequest(() -> runtime.workflows().start(Logged.class, new Logged.Context()));
        time.runDue();

        assertThat(spansNamed("logged.")).extracting(SpanData::getName).containsExactly("logged.first", "logged.second");
        assertThat(spansNamed("logged.")).allSatisfy(step -> {
            assertThat(step.getTraceId()).isEqualTo(request.getTraceId());
            assertThat(step.getParentSpanId()).isEqualTo(request.getSpanId());
        });
    }

    @Test
    void aWorkflowStartedByAnEventDaysLaterAndItsChildRunStayInTheTraceOfTheRequest() {
        SpanContext booked = inRequest(() -> {
            TestHibernate.inTransaction(emf, em -> em.persist(confirmedBooking(Duration.ofDays(2))));
            return null;
        });
        SpanContext started = inRequest(() -> runtime.workflows().start(DoublerParent.class, new DoublerParent.Context()));
        time.advance(Duration.ofDays(2));

        assertThat(spansNamed("door_code.")).isNotEmpty().allSatisfy(step ->
                assertThat(step.getTraceId()).isEqualTo(booked.getTraceId()));
        assertThat(spansNamed("doubler.")).isNotEmpty().allSatisfy(step ->
                assertThat(step.getTraceId()).isEqualTo(started.getTraceId()));
    }
}
