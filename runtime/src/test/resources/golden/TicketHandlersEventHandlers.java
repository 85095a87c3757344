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
 * Calls the {@code @OnEvent} methods of {@link TicketHandlers}; generated from their annotations.
 *
 * <p>The runtime delivers each occurrence of an event to {@link #handle} with the handler's key;
 * the switch calls the method directly, so a breakpoint here steps into it.
 */
@Generated("dev.aifirst.processor.AiFirstProcessor")
public final class TicketHandlersEventHandlers implements EventHandlers {
    /**
     * Handler keys are {@code "<class>#<method>"}; they are stored with every delivery.
     */
    private static final String PREFIX = "dev.aifirst.events.fixtures.TicketHandlers#";

    /**
     * {@code @OnEvent}'s default: 5 attempts, 5 s backoff doubling up to 1 h.
     */
    private static final RetryPolicy DEFAULT_RETRY = new RetryPolicy(5, Duration.ofSeconds(5), 2.0, Duration.ofHours(1));

    private static final List<HandlerDeclaration> HANDLERS = List.of(
            HandlerDeclaration.of(PREFIX + "assignToSales", Ticket.class, "ticket_opened", Duration.ZERO,
                    DEFAULT_RETRY)
                    .inNamespace("team-sales"),
            HandlerDeclaration.of(PREFIX + "assignToSupport", Ticket.class, "ticket_opened", Duration.ZERO,
                    DEFAULT_RETRY)
                    .inNamespace("team-support"),
            HandlerDeclaration.of(PREFIX + "countTicket", Ticket.class, "ticket_opened", Duration.ZERO,
                    DEFAULT_RETRY),
            HandlerDeclaration.of(PREFIX + "pageOnCall", Ticket.class, "ticket_escalated", Duration.ZERO,
                    DEFAULT_RETRY)
                    .inNamespace("escalations"),
            HandlerDeclaration.of(PREFIX + "remindSupport", Ticket.class, "ticket_due", Duration.ofHours(-1),
                    DEFAULT_RETRY)
                    .inNamespace("team-support"));

    @Override
    public List<HandlerDeclaration> handlers() {
        return HANDLERS;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void handle(String key, EventContext<?> event, Instances instances) throws Exception {
        TicketHandlers target = instances.get(TicketHandlers.class, TicketHandlers::new);
        switch (key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key) {
            case "assignToSales" -> target.assignToSales((EventContext<Ticket>) event);
            case "assignToSupport" -> target.assignToSupport((EventContext<Ticket>) event);
            case "countTicket" -> target.countTicket((EventContext<Ticket>) event);
            case "pageOnCall" -> target.pageOnCall((EventContext<Ticket>) event);
            case "remindSupport" -> target.remindSupport((EventContext<Ticket>) event);
            default -> throw new IllegalArgumentException("TicketHandlers has no @OnEvent handler " + key);
        }
    }
}
