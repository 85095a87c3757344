package dev.aifirst.internal.console;

import dev.aifirst.AiFirst;
import dev.aifirst.Backlog;
import dev.aifirst.console.ConsoleRequest;
import dev.aifirst.console.ConsoleResponse;
import dev.aifirst.events.DeliveryQuery;
import dev.aifirst.events.DeliveryStatus;
import dev.aifirst.events.EventQuery;
import dev.aifirst.events.EventStatus;
import dev.aifirst.workflows.RunQuery;
import dev.aifirst.workflows.RunStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code /api/overview}: counts by status and the scheduler's backlog; {@code /api/overview/stream}
 * sends the same as Server-Sent Events, again every refresh interval, until the client goes away or
 * the console stops.
 */
final class OverviewResource {

    /** Open streams each hold a server thread: past this many, a client is asked to come back later. */
    static final int MAX_STREAMS = 16;

    private final AiFirst runtime;
    private final Duration refreshInterval;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger streams = new AtomicInteger();

    OverviewResource(AiFirst runtime, Duration refreshInterval) {
        this.runtime = runtime;
        this.refreshInterval = refreshInterval;
    }

    void register(Routes routes) {
        routes.get("/api/overview", (request, path) -> {
            Parameters.of(request.query());
            return Responses.json(snapshot());
        }).get("/api/overview/stream", (request, path) -> stream(request));
    }

    /**
     * @param now the runtime's clock when counted
     * @param events events by status
     * @param deliveries deliveries by status
     * @param runs workflow runs by status
     * @param backlog what the scheduler holds
     */
    record Overview(Instant now, Map<EventStatus, Long> events, Map<DeliveryStatus, Long> deliveries,
            Map<RunStatus, Long> runs, Backlog backlog) {
    }

    Overview snapshot() {
        Map<EventStatus, Long> events = new EnumMap<>(EventStatus.class);
        for (EventStatus status : EventStatus.values()) {
            events.put(status, runtime.events().count(EventQuery.all().withStatus(status)));
        }
        Map<DeliveryStatus, Long> deliveries = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            deliveries.put(status, runtime.events().count(DeliveryQuery.withStatus(status)));
        }
        Map<RunStatus, Long> runs = new EnumMap<>(RunStatus.class);
        for (RunStatus status : RunStatus.values()) {
            runs.put(status, runtime.workflows().count(RunQuery.withStatus(status)));
        }
        return new Overview(runtime.clock().instant(), events, deliveries, runs, runtime.backlog());
    }

    private ConsoleResponse stream(ConsoleRequest request) {
        Parameters.of(request.query());
        if (streams.incrementAndGet() > MAX_STREAMS) {
            streams.decrementAndGet();
            throw HttpError.unavailable("too many live overviews are open (" + MAX_STREAMS + "); reload later");
        }
        var headers = Responses.common();
        headers.put("Cache-Control", "no-store");
        return ConsoleResponse.streaming(200, "text/event-stream; charset=utf-8", this::send, headers);
    }

    private void send(OutputStream out) throws IOException {
        try {
            out.write(("retry: " + refreshInterval.toMillis() + "\n\n").getBytes(StandardCharsets.UTF_8));
            do {
                String event = "event: overview\ndata: " + Json.text(snapshot()) + "\n\n";
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } while (!stopped.await(refreshInterval.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.decrementAndGet();
        }
    }

    /** Ends every open stream. */
    void stop() {
        stopped.countDown();
    }
}
