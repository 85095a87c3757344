package dev.aifirst.internal.workflows;

import dev.aifirst.Flow;
import dev.aifirst.events.EventContext;
import dev.aifirst.internal.events.ClaimHolders;
import dev.aifirst.internal.events.EventContexts;
import dev.aifirst.internal.events.EventReference;
import dev.aifirst.internal.observability.LogContext;
import dev.aifirst.internal.observability.Tracing;
import dev.aifirst.internal.persistence.SessionTransactions;
import dev.aifirst.spi.Instances;
import dev.aifirst.spi.StepInputs;
import dev.aifirst.spi.WorkflowDefinition;
import dev.aifirst.workflows.WorkflowStep;
import java.util.Map;

/**
 * Calls a user's step method through the generated definition: with the claims it asks for going to
 * its {@link RunStepContext}, and, for a step that receives the event it waited for, inside a
 * Hibernate transaction in which that event's entity is loaded. Nothing else stands between the run
 * loop and the generated {@code execute}, so a debugger's stack stays short.
 */
final class StepInvoker {

    private final SessionTransactions transactions;
    private final EventContexts events;
    private final Instances instances;
    private final Tracing tracing;

    StepInvoker(SessionTransactions transactions, EventContexts events, Instances instances, Tracing tracing) {
        this.tracing = tracing;
        this.transactions = transactions;
        this.events = events;
        this.instances = instances;
    }

    /** Runs the step; the user's exception comes out as it was thrown. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Flow invoke(WorkflowDefinition definition, WorkflowStep step, Object context, RunRow run, RunStepContext stepContext)
            throws Exception {
        StepInputs inputs = new StepInputs(null, Inputs.signal(run.input), Inputs.subflow(run.input), stepContext);
        EventReference event = Inputs.event(run.input);
        ClaimHolders.Holder outer = ClaimHolders.enter(stepContext);
        try (LogContext ignored = LogContext.step(run.id, run.workflow, run.step, run.attempt);
                Tracing.Span span = tracing.start(run.workflow + "." + run.step, run.traceParent, Map.of(
                        "aifirst.run_id", run.id, "aifirst.workflow", run.workflow, "aifirst.step", run.step,
                        "aifirst.attempt", Integer.toString(run.attempt)))) {
            try {
                if (event == null || !transactions.available()) {
                    return definition.execute(step, context, inputs, instances);
                }
                return transactions.inTransaction(session -> {
                    EventContext<?> received = events.ofReference(event, session);
                    return definition.execute(step, context, inputs.withEvent(received), instances);
                });
            } catch (SessionTransactions.UserCodeFailure e) {
                span.failed(e.failure());
                throw e.failure();
            } catch (Exception | Error e) {
                span.failed(e);
                throw e;
            }
        } finally {
            ClaimHolders.restore(outer);
        }
    }
}
