package dev.aifirst.events;

import java.time.Instant;

/**
 * One business event as stored.
 *
 * @param id the row's id
 * @param entityType the entity's class name
 * @param entityId the entity's identifier as text
 * @param name the rendered name
 * @param declaredName the name as declared (a template for templated events)
 * @param namespace the rendered namespace
 * @param status pending, occurred or cancelled
 * @param dueAt when it is due: the date of a scheduled event, the commit of an immediate one
 * @param occurredAt when it last occurred
 * @param occurrence how many times it has occurred (watched properties let it occur again)
 * @param note why it was cancelled, or why it did not occur at its date
 */
public record EventRecord(
        long id,
        String entityType,
        String entityId,
        String name,
        String declaredName,
        String namespace,
        EventStatus status,
        Instant dueAt,
        Instant occurredAt,
        int occurrence,
        String note) {
}
