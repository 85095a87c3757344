package dev.aifirst.events.fixtures;

import dev.aifirst.events.EventContext;
import dev.aifirst.spi.EventHandlers;
import dev.aifirst.spi.HandlerDeclaration;
import dev.aifirst.spi.Instances;
import dev.aifirst.spi.RetryPolicy;
import java.time.Duration;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Calls the {@code @OnEvent} methods of {@link BookingHandlers}; generated from their annotations.
 *
 * <p>The runtime delivers each occurrence of an event to {@link #handle} with the handler's key;
 * the switch calls the method directly, so a breakpoint here steps into it.
 */
@Generated("dev.aifirst.processor.AiFirstProcessor")
public final class BookingHandlersEventHandlers implements EventHandlers {
    /**
     * Handler keys are {@code "<class>#<method>"}; they are stored with every delivery.
     */
    private static final String PREFIX = "dev.aifirst.events.fixtures.BookingHandlers#";

    /**
     * {@code @OnEvent}'s default: 5 attempts, 5 s backoff doubling up to 1 h.
     */
    private static final RetryPolicy DEFAULT_RETRY = new RetryPolicy(5, Duration.ofSeconds(5), 2.0, Duration.ofHours(1));

    private static final List<HandlerDeclaration> HANDLERS = List.of(
            HandlerDeclaration.of(PREFIX + "atCheckin", Booking.class, "checkin_due", Duration.ZERO,
                    DEFAULT_RETRY),
            HandlerDeclaration.of(PREFIX + "atCheckout", Booking.class, "checkout_due", Duration.ZERO,
                    DEFAULT_RETRY),
            HandlerDeclaration.of(PREFIX + "auditStageDone", Booking.class, "stage_done:{stage}", Duration.ZERO,
                    DEFAULT_RETRY)
                    .ignoringClaims(),
            HandlerDeclaration.of(PREFIX + "beforeCheckin", Booking.class, "checkin_due", Duration.ofHours(-1),
                    DEFAULT_RETRY),
            HandlerDeclaration.of(PREFIX + "flaky", Booking.class, "booking_confirmed", Duration.ZERO,
                    new RetryPolicy(3, Duration.ofSeconds(2), 2.0, Duration.ofMinutes(1))),
            HandlerDeclaration.of(PREFIX + "onChanged", Booking.class, "booking_changed", Duration.ZERO,
                    DEFAULT_RETRY),
            HandlerDeclaration.of(PREFIX + "onCleaningDone", Booking.class, "stage_done:cleaning", Duration.ZERO,
                    DEFAULT_RETRY),
            HandlerDeclaration.of(PREFIX + "onConfirmed", Booking.class, "booking_confirmed", Duration.ZERO,
                    DEFAULT_RETRY),
            HandlerDeclaration.of(PREFIX + "onCreated", Booking.class, "booking_created", Duration.ZERO,
                    DEFAULT_RETRY),
            HandlerDeclaration.of(PREFIX + "onDeleted", Booking.class, "booking_deleted", Duration.ZERO,
                    DEFAULT_RETRY),
            HandlerDeclaration.of(PREFIX + "onStageDone", Booking.class, "stage_done:{stage}", Duration.ZERO,
                    DEFAULT_RETRY));

    @Override
    public List<HandlerDeclaration> handlers() {
        return HANDLERS;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void handle(String key, EventContext<?> event, Instances instances) throws Exception {
        BookingHandlers target = instances.get(BookingHandlers.class, BookingHandlers::new);
        switch (key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key) {
            case "atCheckin" -> target.atCheckin((EventContext<Booking>) event);
            case "atCheckout" -> target.atCheckout((EventContext<Booking>) event);
            case "auditStageDone" -> target.auditStageDone((EventContext<Booking>) event);
            case "beforeCheckin" -> target.beforeCheckin((EventContext<Booking>) event);
            case "flaky" -> target.flaky((EventContext<Booking>) event);
            case "onChanged" -> target.onChanged((EventContext<Booking>) event);
            case "onCleaningDone" -> target.onCleaningDone((EventContext<Booking>) event);
            case "onConfirmed" -> target.onConfirmed((EventContext<Booking>) event);
            case "onCreated" -> target.onCreated((EventContext<Booking>) event);
            case "onDeleted" -> target.onDeleted((EventContext<Booking>) event);
            case "onStageDone" -> target.onStageDone((EventContext<Booking>) event);
            default -> throw new IllegalArgumentException("BookingHandlers has no @OnEvent handler " + key);
        }
    }
}
