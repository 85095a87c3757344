package dev.aifirst.sample;

import static dev.aifirst.Flow.complete;
import static dev.aifirst.Flow.fail;
import static dev.aifirst.Flow.goTo;

import dev.aifirst.Flow;
import dev.aifirst.annotations.Step;
import dev.aifirst.annotations.WaitForEvent;
import dev.aifirst.annotations.Workflow;
import dev.aifirst.events.Claims;
import dev.aifirst.events.EventContext;

/**
 * Collects the guest's documents before arrival: asks, waits a day, reminds at most twice. While it
 * runs it claims the reservation's {@code documents_received}, so it alone thanks the guest.
 */
@Workflow(name = "pre_arrival", on = ReservationEvents.RESERVATION_CONFIRMED)
public class PreArrival {

    public static class Context {
        public long reservationId;
        public String guest = "";
        public int reminders;
    }

    private final Outbox outbox;
    private final Stays stays;

    public PreArrival(Outbox outbox, Stays stays) {
        this.outbox = outbox;
        this.stays = stays;
    }

    static Context createContext(EventContext<Reservation> event) {
        Context context = new Context();
        context.reservationId = event.entity().getId();
        context.guest = event.entity().getGuest().getName();
        return context;
    }

    @Step(start = true, display = "Ask for documents")
    Flow askForDocuments(Context ctx) {
        // Until this run ends, it alone answers the documents: GuestMessages does not thank the guest twice.
        Claims.hold(ReservationEvents.DOCUMENTS_RECEIVED, ctx.reservationId);
        outbox.send(ctx.reservationId, "documents", ctx.guest + ", please upload your passport before you arrive.");
        return goTo(PreArrivalSteps.AWAIT_DOCUMENTS);
    }

    @Step(display = "Wait for documents")
    @WaitForEvent(value = ReservationEvents.DOCUMENTS_RECEIVED, timeout = "P1D", onTimeout = "remind")
    Flow awaitDocuments(Context ctx, EventContext<Reservation> documents) {
        outbox.send(ctx.reservationId, "documents-received", "Thank you, " + ctx.guest + ", we have your documents.");
        return complete();
    }

    @Step(display = "Remind")
    Flow remind(Context ctx) {
        if (!stays.isActive(ctx.reservationId)) {
            return complete();
        }
        ctx.reminders++;
        if (ctx.reminders > 2) {
            return fail("no documents after two reminders");
        }
        outbox.send(ctx.reservationId, "documents-reminder", "Reminder: we still need your passport, " + ctx.guest + ".");
        return goTo(PreArrivalSteps.AWAIT_DOCUMENTS);
    }
}
