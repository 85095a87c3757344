package dev.aifirst.internal.observability;

import dev.aifirst.Backlog;
import dev.aifirst.workflows.RunStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The runtime's meters on Micrometer. Counters and timers are kept as work ends; the gauges read the
 * database when the registry is scraped, at most once per {@link #GAUGE_READ_INTERVAL} so that a
 * frequent scrape costs the database nothing more. The names and tags are documented in
 * docs/observability.md.
 */
public final class MicrometerMetrics implements RuntimeMetrics {

    /** How long a gauge's database reading is reused. */
    static final Duration GAUGE_READ_INTERVAL = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    /**
     * The gauges' readings. Micrometer holds a gauge's object weakly, so they are kept here, for as
     * long as the runtime that counts through this object lives; otherwise a gauge would read NaN
     * after the next garbage collection.
     */
    private final List<Reading<?>> readings = new ArrayList<>();

    public MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void eventOccurred(String entityType, String event) {
        Counter.builder("aifirst.events.occurred").description("Business events that occurred")
                .tag("entity", entityType).tag("event", event).register(registry).increment();
    }

    @Override
    public void deliveryEnded(String handler, Outcome outcome, Duration lag) {
        Counter.builder("aifirst.deliveries").description("Delivery attempts of events to handlers, by how they ended")
                .tag("handler", handler).tag("outcome", outcome.tag()).register(registry).increment();
        if (outcome != Outcome.SKIPPED && lag != null) {
            Timer.builder("aifirst.delivery.lag").description("From when a delivery was due to when its handler started")
                    .tag("handler", handler).register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
        }
    }

    @Override
    public void stepEnded(String workflow, String step, Outcome outcome, Duration took) {
        Timer.builder("aifirst.steps").description("Workflow step attempts, by how they ended")
                .tag("workflow", workflow).tag("step", step).tag("outcome", outcome.tag()).register(registry)
                .record(took);
    }

    /**
     * Registers the gauges that read the runtime's state: runs by status, the backlog of due work
     * and the age of its oldest item.
     */
    public void bindGauges(Function<RunStatus, Long> runsWithStatus, Supplier<Backlog> backlog, Clock clock) {
        for (RunStatus status : RunStatus.values()) {
            Reading<Long> runs = keep(new Reading<>(() -> runsWithStatus.apply(status)));
            Gauge.builder("aifirst.runs", runs, r -> r.get().doubleValue()).description("Workflow runs by status")
                    .tag("status", status.name().toLowerCase(java.util.Locale.ROOT)).register(registry);
        }
        Reading<Backlog> due = keep(new Reading<>(backlog));
        Gauge.builder("aifirst.backlog.due", due, r -> r.get().due())
                .description("Scheduled work that is due and not yet picked by a worker").register(registry);
        TimeGauge.builder("aifirst.backlog.oldest.age", due, TimeUnit.MILLISECONDS, r -> {
            Instant oldest = r.get().oldestDue();
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis());
        }).description("How long the oldest due work has waited; 0 when nothing is due").register(registry);
    }

    private synchronized <T> Reading<T> keep(Reading<T> reading) {
        readings.add(reading);
        return reading;
    }

    /** A value read from the database, reused for {@link #GAUGE_READ_INTERVAL}. */
    private static final class Reading<T> {
        private final Supplier<T> read;
        private T value;
        private long readAt;

        Reading(Supplier<T> read) {
            this.read = read;
        }

        synchronized T get() {
            long now = System.nanoTime();
            if (value == null || now - readAt > GAUGE_READ_INTERVAL.toNanos()) {
                value = read.get();
                readAt = now;
            }
            return value;
        }
    }
}
