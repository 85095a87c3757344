package dev.aifirst.internal.workflows;

import dev.aifirst.workflows.RunStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import static dev.aifirst.workflows.RunStatus.CANCELLED;
import static dev.aifirst.workflows.RunStatus.COMPLETED;
import static dev.aifirst.workflows.RunStatus.FAILED;
import static dev.aifirst.workflows.RunStatus.RUNNING;
import static dev.aifirst.workflows.RunStatus.SLEEPING;
import static dev.aifirst.workflows.RunStatus.WAITING;

/**
 * Which status may follow which: the one table every {@link Transition} is checked against.
 *
 * <pre>
 *   RUNNING   ──▶ RUNNING (goTo, yield), SLEEPING (sleep, retry), WAITING (signal, event, child),
 *                 COMPLETED, FAILED, CANCELLED
 *   SLEEPING  ──▶ as RUNNING: a sleeping run whose time has come runs its step again
 *   WAITING   ──▶ RUNNING (woken by its event, signal or child, or timed out to its timeout step),
 *                 FAILED (timed out without a timeout step), CANCELLED
 *   COMPLETED, FAILED, CANCELLED ──▶ nothing: a run that ended never changes again
 * </pre>
 */
final class RunLifecycle {

    private static final Map<RunStatus, EnumSet<RunStatus>> NEXT = new EnumMap<>(RunStatus.class);

    static {
        EnumSet<RunStatus> afterAStep = EnumSet.of(RUNNING, SLEEPING, WAITING, COMPLETED, FAILED, CANCELLED);
        NEXT.put(RUNNING, afterAStep);
        NEXT.put(SLEEPING, afterAStep);
        NEXT.put(WAITING, EnumSet.of(RUNNING, FAILED, CANCELLED));
        NEXT.put(COMPLETED, EnumSet.noneOf(RunStatus.class));
        NEXT.put(FAILED, EnumSet.noneOf(RunStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(RunStatus.class));
    }

    private RunLifecycle() {
    }

    /** The statuses a run in {@code from} may move to. */
    static Set<RunStatus> next(RunStatus from) {
        return EnumSet.copyOf(NEXT.get(from));
    }

    static boolean allows(RunStatus from, RunStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** Fails on a change the table does not allow: a defect of the engine, never a user's mistake. */
    static void check(RunRow run, RunStatus to, String transition) {
        if (!allows(run.status, to)) {
            throw new IllegalStateException("The " + transition + " transition takes a run from " + run.status + " to "
                    + to + ", which the run lifecycle does not allow (" + run + ")");
        }
    }
}
