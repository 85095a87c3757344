package dev.aifirst.internal.workflows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aifirst.spi.ContextCodec;
import dev.aifirst.workflows.RunStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Changes runs from outside: signals that wake them, and cancellation. In the caller's transaction. */
final class RunControl {

    private final RunStore store;
    private final RunTransitions transitions;
    private final Clock clock;

    RunControl(RunStore store, RunTransitions transitions, Clock clock) {
        this.store = store;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** Wakes every run waiting for the signal {@code name}; returns how many woke. */
    int broadcast(Connection c, String name, Object payload) throws SQLException {
        return signal(c, store.lockWaitingForSignal(c, name), name, payload);
    }

    /** Wakes one run if it waits for the signal {@code name}. */
    boolean signal(Connection c, String runId, String name, Object payload) throws SQLException {
        RunRow run = store.find(c, runId, true);
        return run != null && signal(c, List.of(run), name, payload) == 1;
    }

    /** Wakes the given runs that wait for the signal, merging the payload's fields into their contexts. */
    private int signal(Connection c, List<RunRow> runs, String name, Object payload) throws SQLException {
        Instant now = clock.instant();
        ObjectNode fields = payload == null ? ContextCodec.MAPPER.createObjectNode()
                : ContextCodec.MAPPER.valueToTree(payload);
        int woken = 0;
        for (RunRow run : runs) {
            if (run.status != RunStatus.WAITING || run.waitKind != RunRow.WaitKind.SIGNAL || !name.equals(run.waitingFor)) {
                continue;
            }
            ObjectNode context = (ObjectNode) Inputs.read(run.context);
            fields.fieldNames().forEachRemaining(field -> {
                if (context.has(field)) {
                    context.set(field, fields.get(field));
                }
            });
            Transition wake = Transition.wake(Inputs.signal(name, fields), now).context(context.toString()).build();
            if (transitions.apply(c, run, wake, now)) {
                woken++;
            }
        }
        return woken;
    }

    /** Cancels a run and the children it waits for; whether it was still going. */
    boolean cancel(Connection c, String runId) throws SQLException {
        RunRow run = store.find(c, runId, true);
        if (run == null || run.status.ended()) {
            return false;
        }
        Instant now = clock.instant();
        StepHistoryStore.History history = new StepHistoryStore.History(run.step, run.attempt, now, now, "CANCELLED", null, null, "");
        transitions.apply(c, run, Transition.cancel().recording(history).build(), now);
        for (RunRow child : store.childrenOf(c, run.id)) {
            if (!child.status.ended()) {
                cancel(c, child.id);
            }
        }
        return true;
    }
}
