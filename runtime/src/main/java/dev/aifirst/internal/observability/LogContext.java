package dev.aifirst.internal.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The SLF4J MDC keys set while user code runs, so that an application's own log lines say which
 * run, step or event they belong to. Restores what was there before when closed:
 * <pre>{@code
 * try (LogContext ignored = LogContext.step(run.id, run.workflow, run.step, run.attempt)) { ... }
 * }</pre>
 */
public final class LogContext implements AutoCloseable {

    public static final String RUN_ID = "aifirst.runId";
    public static final String WORKFLOW = "aifirst.workflow";
    public static final String STEP = "aifirst.step";
    public static final String ATTEMPT = "aifirst.attempt";
    public static final String EVENT = "aifirst.event";
    public static final String ENTITY = "aifirst.entity";
    public static final String HANDLER = "aifirst.handler";

    /** The values the keys had before, to put back; null for a key that was absent. */
    private final Map<String, String> previous = new LinkedHashMap<>();

    private LogContext() {
    }

    /** Around a workflow step. */
    public static LogContext step(String runId, String workflow, String step, int attempt) {
        return new LogContext().put(RUN_ID, runId).put(WORKFLOW, workflow).put(STEP, step)
                .put(ATTEMPT, Integer.toString(attempt));
    }

    /**
     * Around an event handler.
     *
     * @param entity the entity as {@code <simple type>#<id>}
     */
    public static LogContext delivery(String event, String entity, String handler, int attempt) {
        return new LogContext().put(EVENT, event).put(ENTITY, entity).put(HANDLER, handler)
                .put(ATTEMPT, Integer.toString(attempt));
    }

    private LogContext put(String key, String value) {
        previous.putIfAbsent(key, MDC.get(key));
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
        return this;
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
