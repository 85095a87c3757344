package dev.aifirst.spring;

import dev.aifirst.AiFirst;
import dev.aifirst.Backlog;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code aifirst} health indicator reports, whichever Actuator shows it: DOWN when the
 * runtime's workers are not running, or when the oldest due work has waited longer than
 * {@code aifirst.health.max-due-age}; UP otherwise; with the backlog as details.
 */
final class RuntimeHealth {

    /** The verdict and the details shown with it. */
    record Report(boolean up, Map<String, Object> details) {
    }

    private final AiFirst runtime;
    private final Duration maxDueAge;

    RuntimeHealth(AiFirst runtime, Duration maxDueAge) {
        this.runtime = runtime;
        this.maxDueAge = maxDueAge;
    }

    Report check() {
        return assess(runtime.isRunning(), runtime.backlog(), runtime.clock().instant(), maxDueAge);
    }

    /** The report on a runtime that is {@code running} or not, with {@code backlog}, at {@code now}. */
    static Report assess(boolean running, Backlog backlog, Instant now, Duration maxDueAge) {
        Duration oldestDueAge = backlog.oldestDue() == null ? Duration.ZERO : Duration.between(backlog.oldestDue(), now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("running", running);
        details.put("due", backlog.due());
        if (backlog.oldestDue() != null) {
            details.put("oldestDue", backlog.oldestDue().toString());
        }
        details.put("oldestDueAge", oldestDueAge.toString());
        details.put("executing", backlog.running());
        details.put("failing", backlog.failing().size());
        boolean tooOld = maxDueAge != null && oldestDueAge.compareTo(maxDueAge) > 0;
        if (tooOld) {
            details.put("maxDueAge", maxDueAge.toString());
        }
        return new Report(running && !tooOld, details);
    }
}
