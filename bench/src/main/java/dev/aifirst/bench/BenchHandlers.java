package dev.aifirst.bench;

import dev.aifirst.annotations.OnEvent;
import dev.aifirst.events.EventContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/** The benchmarks' handlers: they only note when they started. */
public class BenchHandlers {

    /** Ping id → {@code System.nanoTime()} when its handler started. */
    static final Map<String, Long> PING_RECEIVED = new ConcurrentHashMap<>();
    /** Counted down once per {@code listing_available} handled. */
    static volatile CountDownLatch available = new CountDownLatch(0);

    @OnEvent(PingEvents.PING_SENT)
    void onPing(EventContext<Ping> event) {
        PING_RECEIVED.put(event.entityId(), System.nanoTime());
    }

    @OnEvent(ListingEvents.LISTING_AVAILABLE)
    void onAvailable(EventContext<Listing> event) {
        available.countDown();
    }
}
