package dev.aifirst.spring.app;

import static dev.aifirst.Flow.complete;
import static dev.aifirst.Flow.goTo;
import static dev.aifirst.Flow.waitForSignal;

import dev.aifirst.Flow;
import dev.aifirst.annotations.Step;
import dev.aifirst.annotations.Workflow;
import dev.aifirst.workflows.SignalPayload;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** A workflow that is a bean, started by hand: it writes the confirmation, then waits to be paid. */
@Component
@Workflow(name = "confirmation")
public class Confirmation {

    public static class Context {
        public String guest = "";
        public String paidBy = "";
    }

    private final Guestbook guestbook;

    public Confirmation(Guestbook guestbook) {
        this.guestbook = guestbook;
    }

    @Step(start = true)
    Flow send(Context ctx) {
        guestbook.write("confirmation sent to " + ctx.guest);
        return goTo(ConfirmationSteps.AWAIT_PAYMENT);
    }

    @Step
    Flow awaitPayment(Context ctx, SignalPayload payment) {
        if (payment == null) {
            return waitForSignal("paid:" + ctx.guest, Duration.ofDays(7), ConfirmationSteps.GIVE_UP);
        }
        guestbook.write(ctx.guest + " paid by " + ctx.paidBy);
        return complete();
    }

    @Step
    Flow giveUp(Context ctx) {
        guestbook.write(ctx.guest + " never paid");
        return complete();
    }
}
