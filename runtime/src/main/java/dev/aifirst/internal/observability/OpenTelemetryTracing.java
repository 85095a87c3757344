package dev.aifirst.internal.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/** {@link Tracing} on the application's OpenTelemetry (an optional dependency). */
public final class OpenTelemetryTracing implements Tracing {

    /** The instrumentation scope of the runtime's spans. */
    public static final String SCOPE = "dev.aifirst.runtime";
    private static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final W3CTraceContextPropagator propagator = W3CTraceContextPropagator.getInstance();

    public OpenTelemetryTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(SCOPE);
    }

    @Override
    public String currentTraceParent() {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    @Override
    public Span start(String name, String traceParent, Map<String, String> attributes) {
        // The stored context is the parent; a worker thread's own context has nothing to do with it.
        Context parent = traceParent == null ? Context.root()
                : propagator.extract(Context.root(), Map.of(TRACEPARENT, traceParent), FROM_MAP);
        AttributesBuilder tags = Attributes.builder();
        attributes.forEach(tags::put);
        io.opentelemetry.api.trace.Span span = tracer.spanBuilder(name).setParent(parent)
                .setSpanKind(SpanKind.CONSUMER).setAllAttributes(tags.build()).startSpan();
        Scope scope = span.makeCurrent();
        return new Span() {
            @Override
            public void failed(Throwable failure) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
            }

            @Override
            public void close() {
                scope.close();
                span.end();
            }
        };
    }
}
