package dev.aifirst.sample;

import static dev.aifirst.Flow.complete;
import static dev.aifirst.Flow.goTo;

import dev.aifirst.Flow;
import dev.aifirst.annotations.OnFail;
import dev.aifirst.annotations.Retry;
import dev.aifirst.annotations.Step;
import dev.aifirst.annotations.WaitForEvent;
import dev.aifirst.annotations.Workflow;
import dev.aifirst.events.EventContext;
import dev.aifirst.workflows.WorkflowFailure;

/**
 * The door code: generated an hour before check-in, sent to the lock (whose service fails now and
 * then), sent to the guest, and revoked at check-out.
 */
@Workflow(name = "smart_lock_setup", on = ReservationEvents.CHECKIN_DUE, offset = "-PT1H",
        retry = @Retry(maxAttempts = 3, backoff = "PT2S"))
public class SmartLockSetup {

    public static class Context {
        public long reservationId;
        public String door = "";
        public String code = "";
    }

    private final Outbox outbox;
    private final LockService locks;

    public SmartLockSetup(Outbox outbox, LockService locks) {
        this.outbox = outbox;
        this.locks = locks;
    }

    static Context createContext(EventContext<Reservation> event) {
        Context context = new Context();
        context.reservationId = event.entity().getId();
        context.door = event.entity().getProperty();
        return context;
    }

    @Step(start = true, display = "Generate the door code")
    Flow generateCode(Context ctx) {
        ctx.code = String.format("%04d", Math.floorMod(ctx.reservationId * 7919 + 1234, 10_000));
        return goTo(SmartLockSetupSteps.SEND_TO_LOCK, 0.25);
    }

    @Step(display = "Send the code to the lock",
            retry = @Retry(maxAttempts = 5, backoff = "PT1S", multiplier = 2.0, maxBackoff = "PT5M"))
    Flow sendToLock(Context ctx) {
        locks.install(ctx.door, ctx.code);
        return goTo(SmartLockSetupSteps.NOTIFY_GUEST, 0.5);
    }

    @Step(display = "Send the guest the code")
    Flow notifyGuest(Context ctx) {
        outbox.send(ctx.reservationId, "door-code", "Your door code for " + ctx.door + " is " + ctx.code + ".");
        return goTo(SmartLockSetupSteps.REVOKE_CODE, 0.75);
    }

    @Step(display = "Revoke the code at check-out")
    @WaitForEvent(ReservationEvents.CHECKOUT_DUE)
    Flow revokeCode(Context ctx, EventContext<Reservation> checkout) {
        locks.revoke(ctx.door, ctx.code);
        outbox.send(ctx.reservationId, "door-code-revoked", "Your door code " + ctx.code + " no longer opens "
                + ctx.door + ". Safe travels!");
        return complete();
    }

    @OnFail
    void handOutAKey(Context ctx, WorkflowFailure failure) {
        outbox.send(ctx.reservationId, "door-code-failed", "We could not set up your door code; please pick up a key"
                + " at the front desk.");
    }
}
