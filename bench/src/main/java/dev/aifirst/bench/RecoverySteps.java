package dev.aifirst.bench;

import static dev.aifirst.Flow.complete;
import static dev.aifirst.Flow.goTo;

import dev.aifirst.Flow;
import dev.aifirst.annotations.Step;
import dev.aifirst.annotations.Workflow;

/** The recovery probe's workflow: five steps of {@link #PAUSE_MILLIS} each, so that a fault lands mid-run. */
@Workflow(name = "bench_recovery_steps")
public class RecoverySteps {

    static final long PAUSE_MILLIS = 5;

    public static class Context {
        public int n;
    }

    private static Flow after(Flow next) {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return next;
    }

    @Step(start = true)
    Flow one(Context ctx) {
        return after(goTo(RecoveryStepsSteps.TWO));
    }

    @Step
    Flow two(Context ctx) {
        return after(goTo(RecoveryStepsSteps.THREE));
    }

    @Step
    Flow three(Context ctx) {
        return after(goTo(RecoveryStepsSteps.FOUR));
    }

    @Step
    Flow four(Context ctx) {
        return after(goTo(RecoveryStepsSteps.FIVE));
    }

    @Step
    Flow five(Context ctx) {
        return after(complete());
    }
}
