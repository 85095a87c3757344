package dev.aifirst.internal.observability;

import java.util.Objects;

/** What the engines report to: meters and traces; {@link #NONE} when the application gave neither. */
public record Observability(RuntimeMetrics metrics, Tracing tracing) {

    public static final Observability NONE = new Observability(RuntimeMetrics.NONE, Tracing.NONE);

    public Observability {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(tracing, "tracing");
    }
}
