package dev.aifirst.sample.spring;

import static dev.aifirst.Flow.complete;

import dev.aifirst.Flow;
import dev.aifirst.annotations.Step;
import dev.aifirst.annotations.Workflow;
import org.springframework.stereotype.Component;

/** Pays a cancelled stay back; started by {@link ReservationDesk#cancel} in the cancellation's transaction. */
@Component
@Workflow(name = "refund")
public class Refund {

    public static class Context {
        public long reservationId;
    }

    private final GuestMessages messages;

    public Refund(GuestMessages messages) {
        this.messages = messages;
    }

    @Step(start = true, display = "Refund the guest")
    Flow refund(Context ctx) {
        messages.save(new GuestMessage(ctx.reservationId, "refund", "Your stay is cancelled and refunded."));
        return complete();
    }
}
