package dev.aifirst.internal.workflows;

import static dev.aifirst.workflows.RunStatus.CANCELLED;
import static dev.aifirst.workflows.RunStatus.COMPLETED;
import static dev.aifirst.workflows.RunStatus.FAILED;
import static dev.aifirst.workflows.RunStatus.RUNNING;
import static dev.aifirst.workflows.RunStatus.SLEEPING;
import static dev.aifirst.workflows.RunStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aifirst.workflows.RunStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The run lifecycle table, walked pair by pair, and the commit path refusing what it forbids. */
class RunLifecycleTest {

    static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    /** The table as the design states it; the code's table must say exactly this. */
    static final Map<RunStatus, Set<RunStatus>> EXPECTED = Map.of(
            RUNNING, EnumSet.of(RUNNING, SLEEPING, WAITING, COMPLETED, FAILED, CANCELLED),
            SLEEPING, EnumSet.of(RUNNING, SLEEPING, WAITING, COMPLETED, FAILED, CANCELLED),
            WAITING, EnumSet.of(RUNNING, FAILED, CANCELLED),
            COMPLETED, EnumSet.noneOf(RunStatus.class),
            FAILED, EnumSet.noneOf(RunStatus.class),
            CANCELLED, EnumSet.noneOf(RunStatus.class));

    @Test
    void everyPairOfStatusesIsAllowedExactlyAsTheTableSays() {
        for (RunStatus from : RunStatus.values()) {
            for (RunStatus to : RunStatus.values()) {
                assertThat(RunLifecycle.allows(from, to)).as(from + " → " + to)
                        .isEqualTo(EXPECTED.get(from).contains(to));
            }
            assertThat(RunLifecycle.next(from)).as("after " + from).isEqualTo(EXPECTED.get(from));
        }
    }

    @Test
    void terminalStatesStayTerminal() {
        for (RunStatus status : RunStatus.values()) {
            assertThat(RunLifecycle.next(status).isEmpty()).as(status + " has no successor").isEqualTo(status.ended());
        }
    }

    @Test
    void eachKindOfTransitionLeadsWhereTheTableAllowsFromWhereItIsUsed() {
        RunRow child = run(RUNNING);
        List<Transition> afterAStep = List.of(Transition.goTo("two", null).build(), Transition.sleep(T0).build(),
                Transition.waitForSignal("ready", T0, "two").build(), Transition.waitForChild(child).build(),
                Transition.complete(null).build(), Transition.failedByStep("no").build(),
                Transition.retry(T0).build(), Transition.fail("broken").build(),
                Transition.waitForEvent("checkin_due", null, null, null).build(), Transition.yieldWorker(T0).build(),
                Transition.cancel().build());
        for (RunStatus from : List.of(RUNNING, SLEEPING)) {
            for (Transition transition : afterAStep) {
                assertThat(RunLifecycle.allows(from, transition.to)).as(transition + " from " + from).isTrue();
            }
        }
        for (Transition fromWaiting : List.of(Transition.wake("{}", T0).build(), Transition.resume("two", "{}", T0).build(),
                Transition.timedOut("two").build(), Transition.fail("timed out").build(), Transition.cancel().build())) {
            assertThat(RunLifecycle.allows(WAITING, fromWaiting.to)).as(fromWaiting + " from WAITING").isTrue();
        }
    }

    @Test
    void theCommitPathRefusesToChangeARunThatEnded() {
        RunTransitions transitions = new RunTransitions(null, null, null, null, null, at -> { });
        for (RunStatus ended : List.of(COMPLETED, FAILED, CANCELLED)) {
            RunRow run = run(ended);
            assertThatThrownBy(() -> transitions.apply(null, run, Transition.wake("{}", T0).build(), T0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("from " + ended + " to RUNNING");
            assertThat(run.status).as("the run is left as it was").isEqualTo(ended);
        }
    }

    private static RunRow run(RunStatus status) {
        RunRow run = new RunRow();
        run.id = "r-" + status;
        run.workflow = "chain";
        run.step = "one";
        run.status = status;
        return run;
    }
}
