package dev.aifirst.internal.observability;

import java.util.Map;

/**
 * Carries a trace from the request that saved an entity or started a run to the handlers and steps
 * that follow, on any node and days later: the W3C trace context is stored with the event or run,
 * and the work runs in a span whose parent it names. {@link #NONE} when the application gave no
 * OpenTelemetry.
 */
public interface Tracing {

    Tracing NONE = new Tracing() {
        @Override
        public String currentTraceParent() {
            return null;
        }

        @Override
        public Span start(String name, String traceParent, Map<String, String> attributes) {
            return Span.NONE;
        }
    };

    /** The calling thread's trace context as a W3C {@code traceparent}, or null when there is none. */
    String currentTraceParent();

    /**
     * Starts a span, current on this thread until closed, as a child of {@code traceParent} (a new
     * trace when null).
     */
    Span start(String name, String traceParent, Map<String, String> attributes);

    /** A started span; closing it ends it. */
    interface Span extends AutoCloseable {

        Span NONE = new Span() {
            @Override
            public void failed(Throwable failure) {
            }

            @Override
            public void close() {
            }
        };

        /** Marks the span as failed with {@code failure}. */
        void failed(Throwable failure);

        @Override
        void close();
    }
}
