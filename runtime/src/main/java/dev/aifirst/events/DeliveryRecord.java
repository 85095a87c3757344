package dev.aifirst.events;

import java.time.Instant;

/**
 * One handler's delivery of one occurrence of an event.
 *
 * @param id the delivery's id
 * @param eventId the event's row id
 * @param occurrence the occurrence delivered
 * @param subscriber the handler's key, e.g. {@code "com.example.WelcomeMessages#sendWelcome"}
 * @param status scheduled, done, failed or skipped
 * @param dueAt when it runs (or ran): the event's date shifted by the handler's offset
 * @param attempts attempts made
 * @param lastError the last failure's message and stack trace, or why it was skipped
 * @param completedAt when it reached done, failed or skipped
 */
public record DeliveryRecord(
        long id,
        long eventId,
        int occurrence,
        String subscriber,
        DeliveryStatus status,
        Instant dueAt,
        int attempts,
        String lastError,
        Instant completedAt) {
}
