package dev.aifirst.spi;

import dev.aifirst.workflows.WorkflowStep;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@code @WaitForEvent}: the step runs when {@code event} occurs for the run's entity.
 *
 * @param event the event's name (declared, template, or one rendering of a template)
 * @param timeout how long to wait, or {@code null} for no limit
 * @param onTimeout where to go after the timeout, or {@code null}
 * @param matchEntity the event entity's property that identifies the run ({@code "id"}), or
 *     {@code null} for the entity whose event started the run
 * @param matchContext the context property holding that value, or {@code null}
 */
public record WaitDeclaration(String event, Duration timeout, WorkflowStep onTimeout, String matchEntity,
        String matchContext) {

    public WaitDeclaration {
        Objects.requireNonNull(event, "event");
    }

    /** Waits for {@code event} without a time limit, for the run's own entity. */
    public static WaitDeclaration forEvent(String event) {
        return new WaitDeclaration(event, null, null, null, null);
    }

    /** This wait, giving up after {@code timeout} and going to {@code onTimeout}. */
    public WaitDeclaration timeout(Duration timeout, WorkflowStep onTimeout) {
        return new WaitDeclaration(event, Objects.requireNonNull(timeout, "timeout"),
                Objects.requireNonNull(onTimeout, "onTimeout"), matchEntity, matchContext);
    }

    /**
     * This wait, for the event whose entity's {@code entityProperty} equals the run context's
     * {@code contextProperty} ({@code @Match(entity = "id", context = "reservationId")}).
     */
    public WaitDeclaration matching(String entityProperty, String contextProperty) {
        return new WaitDeclaration(event, timeout, onTimeout, Objects.requireNonNull(entityProperty, "entityProperty"),
                Objects.requireNonNull(contextProperty, "contextProperty"));
    }
}
