package dev.aifirst.events;

import dev.aifirst.Audit;
import java.time.Instant;

/**
 * An operator's action on a delivery, as its audit trail keeps it
 * ({@code runtime.events().audits(deliveryId, page)}).
 *
 * @param id the audit row's id
 * @param deliveryId the delivery acted on
 * @param action what was done: {@code "redeliver"}
 * @param audit who did it and why
 * @param at when, by the runtime's clock
 * @param statusBefore the delivery's status before: {@code FAILED}
 * @param attemptsBefore the attempts it had made before they were reset
 * @param errorBefore its last failure before (the next attempt overwrites {@link DeliveryRecord#lastError()})
 */
public record DeliveryAudit(long id, long deliveryId, String action, Audit audit, Instant at,
        DeliveryStatus statusBefore, int attemptsBefore, String errorBefore) {
}
