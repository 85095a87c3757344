package dev.aifirst.internal.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aifirst.Page;
import dev.aifirst.events.DeliveryRecord;
import dev.aifirst.events.DeliveryStatus;
import dev.aifirst.workflows.RunStatus;
import dev.aifirst.workflows.StepExecution;
import dev.aifirst.workflows.WorkflowRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What the API sends for the runtime's records. For a caller who may not see details, a failure is
 * cut to its first line (the exception and its message, no stack trace) and contexts and results are
 * left out.
 */
final class Views {

    private Views() {
    }

    /** A page of items and where the next one starts ({@code null} after the last). */
    record PageView<T>(List<T> items, String nextCursor) {

        static <R, T> PageView<T> of(Page<R> page, Function<R, T> view) {
            return new PageView<>(page.items().stream().map(view).toList(), page.nextCursor());
        }
    }

    record DeliveryView(long id, long eventId, int occurrence, String subscriber, DeliveryStatus status, Instant dueAt,
            int attempts, String lastError, Instant completedAt) {
    }

    record RunView(String id, String workflow, int version, RunStatus status, String step, int attempt,
            String entityType, String entityId, String waitingFor, Instant wakeAt, String parentId, Double progress,
            String error, JsonNode context, JsonNode result, boolean detailsHidden, Instant createdAt,
            Instant updatedAt) {
    }

    record StepView(String step, String display, int attempt, Instant startedAt, Instant endedAt, Long durationMillis,
            String outcome, String error, Double progress) {
    }

    static DeliveryView delivery(DeliveryRecord d, boolean details) {
        return new DeliveryView(d.id(), d.eventId(), d.occurrence(), d.subscriber(), d.status(), d.dueAt(), d.attempts(),
                failure(d.lastError(), details), d.completedAt());
    }

    static RunView run(WorkflowRun r, boolean details) {
        return new RunView(r.id(), r.workflow(), r.version(), r.status(), r.step(), r.attempt(), r.entityType(),
                r.entityId(), r.waitingFor(), r.wakeAt(), r.parentId(), r.progress(), failure(r.error(), details),
                details ? Json.tree(r.context()) : null, details ? Json.tree(r.result()) : null, !details, r.createdAt(),
                r.updatedAt());
    }

    static StepView step(StepExecution s, boolean details) {
        Long duration = s.startedAt() == null || s.endedAt() == null ? null
                : Duration.between(s.startedAt(), s.endedAt()).toMillis();
        return new StepView(s.step(), s.display(), s.attempt(), s.startedAt(), s.endedAt(), duration, s.outcome(),
                failure(s.error(), details), s.progress());
    }

    /** The failure in full, or only its first line. */
    static String failure(String error, boolean details) {
        if (error == null || details) {
            return error;
        }
        int newline = error.indexOf('\n');
        return newline < 0 ? error : error.substring(0, newline).stripTrailing();
    }
}
