package dev.aifirst.internal.workflows;

import static dev.aifirst.workflows.RunStatus.CANCELLED;
import static dev.aifirst.workflows.RunStatus.COMPLETED;
import static dev.aifirst.workflows.RunStatus.FAILED;
import static dev.aifirst.workflows.RunStatus.RUNNING;
import static dev.aifirst.workflows.RunStatus.SLEEPING;
import static dev.aifirst.workflows.RunStatus.WAITING;

import dev.aifirst.workflows.RunStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which status may follow which: the one table every {@link Transition} is checked against.
 *
 * <pre>
 *   RUNNING   ──▶ RUNNING (goTo, yield), SLEEPING (sleep, retry), WAITING (signal, event, child),
 *                 COMPLETED, FAILED, CANCELLED
 *   SLEEPING  ──▶ as RUNNING: a sleeping run whose time has come runs its step again
 *   WAITING   ──▶ RUNNING (woken by its event, signal or child, or timed out to its timeout step),
 *                 FAILED (timed out without a timeout step), CANCELLED
 *   COMPLETED, FAILED, CANCELLED ──▶ nothing: a run that ended never changes again by itself
 *
 * and one change that only an operator makes ({@code workflows().retry}, {@code resume}):
 *   FAILED    ──▶ RUNNING
 * </pre>
 *
 * A cancelled run stays cancelled: cancelling is a decision, not a failure, and what it set off (its
 * children cancelled, its parent resumed) cannot be taken back. A completed run has nothing to redo.
 */
final class RunLifecycle {

    private static final Map<RunStatus, EnumSet<RunStatus>> NEXT = new EnumMap<>(RunStatus.class);
    /** The changes an operator may make besides: only these, and only by an operator's transition. */
    private static final Map<RunStatus, EnumSet<RunStatus>> BY_OPERATOR = new EnumMap<>(RunStatus.class);

    static {
        EnumSet<RunStatus> afterAStep = EnumSet.of(RUNNING, SLEEPING, WAITING, COMPLETED, FAILED, CANCELLED);
        NEXT.put(RUNNING, afterAStep);
        NEXT.put(SLEEPING, afterAStep);
        NEXT.put(WAITING, EnumSet.of(RUNNING, FAILED, CANCELLED));
        NEXT.put(COMPLETED, EnumSet.noneOf(RunStatus.class));
        NEXT.put(FAILED, EnumSet.noneOf(RunStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(RunStatus.class));
        for (RunStatus status : RunStatus.values()) {
            BY_OPERATOR.put(status, EnumSet.noneOf(RunStatus.class));
        }
        BY_OPERATOR.put(FAILED, EnumSet.of(RUNNING));
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

    /** The statuses an operator may move a run in {@code from} to, beyond {@link #next}. */
    static Set<RunStatus> nextByOperator(RunStatus from) {
        return EnumSet.copyOf(BY_OPERATOR.get(from));
    }

    static boolean allowsOperator(RunStatus from, RunStatus to) {
        return BY_OPERATOR.get(from).contains(to);
    }

    /** Fails on a change the table does not allow: a defect of the engine, never a user's mistake. */
    static void check(RunRow run, Transition transition) {
        boolean allowed = allows(run.status, transition.to)
                || transition.byOperator && allowsOperator(run.status, transition.to);
        if (!allowed) {
            throw new IllegalStateException("The " + transition.name + " transition takes a run from " + run.status
                    + " to " + transition.to + ", which the run lifecycle does not allow (" + run + ")");
        }
    }
}
