package dev.aifirst.internal.workflows;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aifirst.spi.ContextCodec;
import dev.aifirst.spi.WorkflowDefinition;
import dev.aifirst.workflows.RunStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Changes runs from outside: signals that wake them, and cancellation. In the caller's transaction. */
final class RunControl {

    private final WorkflowRegistry registry;
    private final RunStore store;
    private final RunTransitions transitions;
    private final Clock clock;

    RunControl(WorkflowRegistry registry, RunStore store, RunTransitions transitions, Clock clock) {
        this.registry = registry;
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

    /**
     * Wakes the given runs that wait for the signal, merging the payload's fields into their contexts.
     * Every merged context is checked before anything is written: a refused signal changes no run,
     * even in an application's transaction that goes on to commit.
     */
    private int signal(Connection c, List<RunRow> runs, String name, Object payload) throws SQLException {
        Instant now = clock.instant();
        ObjectNode fields = payload == null ? ContextCodec.MAPPER.createObjectNode()
                : ContextCodec.MAPPER.valueToTree(payload);
        List<Wake> wakes = new ArrayList<>();
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
            checkReadable(run, name, context.toString());
            wakes.add(new Wake(run, context.toString()));
        }
        int woken = 0;
        for (Wake wake : wakes) {
            Transition transition = Transition.wake(Inputs.signal(name, fields), now).context(wake.context()).build();
            if (transitions.apply(c, wake.run(), transition, now)) {
                woken++;
            }
        }
        return woken;
    }

    /** A run a signal wakes, with its context as the signal leaves it. */
    private record Wake(RunRow run, String context) {
    }

    /**
     * Refuses a payload whose fields do not fit the run's context (a text for a number, say): the
     * run would never read its context again. Nothing is committed; the run keeps waiting.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void checkReadable(RunRow run, String signal, String mergedContext) {
        WorkflowDefinition definition = registry.named(run.workflow);
        if (definition == null) {
            return; // its workflow is not deployed here: the run fails clearly when it next runs
        }
        try {
            definition.decodeContext(mergedContext);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The signal '" + signal + "' does not fit the context of " + run + ": "
                    + misfit(e, definition.contextType()) + "; the run keeps waiting", e);
        }
    }

    /** Which field did not fit, and what it should have been, from Jackson's complaint. */
    private static String misfit(Throwable failure, Class<?> contextType) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                String field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
                String expected = mismatch.getTargetType() == null ? "?" : mismatch.getTargetType().getSimpleName();
                return "field '" + field + "' of " + contextType.getSimpleName() + " is a " + expected + ", "
                        + mismatch.getOriginalMessage();
            }
        }
        return failure.getMessage();
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
