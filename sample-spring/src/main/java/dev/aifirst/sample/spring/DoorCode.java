package dev.aifirst.sample.spring;

import static dev.aifirst.Flow.complete;
import static dev.aifirst.Flow.goTo;

import dev.aifirst.Flow;
import dev.aifirst.annotations.Retry;
import dev.aifirst.annotations.Step;
import dev.aifirst.annotations.WaitForEvent;
import dev.aifirst.annotations.Workflow;
import dev.aifirst.events.EventContext;
import org.springframework.stereotype.Component;

/**
 * The door code, a bean with its services injected: generated an hour before check-in, installed in
 * the lock, sent to the guest, and revoked at check-out.
 */
@Component
@Workflow(name = "door_code", on = ReservationEvents.CHECKIN_DUE, offset = "-PT1H",
        retry = @Retry(maxAttempts = 5, backoff = "PT2S"))
public class DoorCode {

    public static class Context {
        public long reservationId;
        public String door = "";
        public String code = "";
    }

    private final LockService locks;
    private final GuestMessages messages;

    public DoorCode(LockService locks, GuestMessages messages) {
        this.locks = locks;
        this.messages = messages;
    }

    static Context createContext(EventContext<Reservation> event) {
        Context context = new Context();
        context.reservationId = event.entity().getId();
        context.door = event.entity().getProperty();
        return context;
    }

    @Step(start = true, display = "Generate the code and install it in the lock")
    Flow install(Context ctx) {
        ctx.code = String.format("%04d", Math.floorMod(ctx.reservationId * 7919 + 1234, 10_000));
        locks.install(ctx.door, ctx.code);
        return goTo(DoorCodeSteps.SEND_TO_GUEST);
    }

    @Step(display = "Send the guest the code")
    Flow sendToGuest(Context ctx) {
        messages.save(new GuestMessage(ctx.reservationId, "door-code",
                "Your door code for " + ctx.door + " is " + ctx.code + "."));
        return goTo(DoorCodeSteps.REVOKE);
    }

    @Step(display = "Revoke the code at check-out")
    @WaitForEvent(ReservationEvents.CHECKOUT_DUE)
    Flow revoke(Context ctx, EventContext<Reservation> checkout) {
        locks.revoke(ctx.door, ctx.code);
        return complete();
    }
}
