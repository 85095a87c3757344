package dev.aifirst.bench;

import static dev.aifirst.Flow.complete;
import static dev.aifirst.Flow.goTo;

import dev.aifirst.Flow;
import dev.aifirst.annotations.Step;
import dev.aifirst.annotations.Workflow;
import java.util.concurrent.CountDownLatch;

/** The benchmark's workflow: five no-op steps, as in the peer's benchmark. */
@Workflow(name = "bench_five_steps")
public class FiveSteps {

    /** Counted down by the last step of each run. */
    static volatile CountDownLatch finished = new CountDownLatch(0);

    public static class Context {
        public int n;
    }

    @Step(start = true)
    Flow one(Context ctx) {
        return goTo(FiveStepsSteps.TWO);
    }

    @Step
    Flow two(Context ctx) {
        return goTo(FiveStepsSteps.THREE);
    }

    @Step
    Flow three(Context ctx) {
        return goTo(FiveStepsSteps.FOUR);
    }

    @Step
    Flow four(Context ctx) {
        return goTo(FiveStepsSteps.FIVE);
    }

    @Step
    Flow five(Context ctx) {
        finished.countDown();
        return complete();
    }
}
