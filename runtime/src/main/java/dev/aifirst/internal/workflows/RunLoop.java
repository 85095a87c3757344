package dev.aifirst.internal.workflows;

import dev.aifirst.Flow;
import dev.aifirst.internal.events.EventRegistry;
import dev.aifirst.internal.observability.RuntimeMetrics;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.persistence.DatabaseFailures;
import dev.aifirst.internal.persistence.StackTraces;
import dev.aifirst.spi.RetryPolicy;
import dev.aifirst.spi.StepDeclaration;
import dev.aifirst.spi.WaitDeclaration;
import dev.aifirst.spi.WorkflowDefinition;
import dev.aifirst.workflows.RunStatus;
import dev.aifirst.workflows.WorkflowFailure;
import dev.aifirst.workflows.WorkflowStep;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes {@value WorkflowTask#NAME}: the worker that holds a run's lease runs its steps one after
 * the other, committing each step's {@link Transition}, until the run must sleep or wait, ends, or
 * has had {@value #BURST} steps (then it yields, so one long run cannot hog a worker). A step method
 * runs outside the transition's transaction, so a slow step holds no database transaction.
 */
final class RunLoop {

    /** Steps a worker runs in a row before it lets other work go first. */
    static final int BURST = 50;

    private static final Logger LOG = LoggerFactory.getLogger(RunLoop.class);

    private final WorkflowRegistry registry;
    private final RunStore store;
    private final RunTransitions transitions;
    private final RunStarter starter;
    private final StepInvoker invoker;
    private final Database database;
    private final EventRegistry events;
    private final ChatModel chatModel;
    private final Clock clock;
    private final RuntimeMetrics metrics;

    RunLoop(WorkflowRegistry registry, RunStore store, RunTransitions transitions, RunStarter starter,
            StepInvoker invoker, Database database, EventRegistry events, ChatModel chatModel,
            Clock clock, RuntimeMetrics metrics) {
        this.metrics = metrics;
        this.registry = registry;
        this.store = store;
        this.transitions = transitions;
        this.starter = starter;
        this.invoker = invoker;
        this.database = database;
        this.events = events;
        this.chatModel = chatModel;
        this.clock = clock;
    }

    void execute(WorkflowTask.RunInstance instance) {
        RunRow run = database.inAutoCommit(c -> store.find(c, instance.runId(), false));
        if (run == null || run.lease != instance.lease() || run.status.ended()) {
            return; // a stale execution: the run moved on, was cancelled, or ended
        }
        // From here on, each committed transition updates 'run' in place; a transition that finds the
        // run changed by someone else (a cancel, a signal) commits nothing and ends this loop.
        for (int steps = 0; ; steps++) {
            Instant now = clock.instant();
            if (run.status == RunStatus.WAITING || run.status == RunStatus.SLEEPING) {
                if (run.wakeAt == null || run.wakeAt.isAfter(now)) {
                    return; // woken early (a clock difference between nodes): its execution is still due later
                }
                if (run.status == RunStatus.WAITING) {
                    if (!transitions.commit(run, timeOut(run, now))) {
                        return;
                    }
                    continue;
                }
            }
            if (steps >= BURST) {
                transitions.commit(run, Transition.yieldWorker(now).build());
                return;
            }
            if (!transitions.commit(run, runStep(run)) || run.status != RunStatus.RUNNING) {
                return;
            }
        }
    }

    /** Runs the run's current step; what the run does next. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Transition runStep(RunRow run) {
        WorkflowDefinition definition = registry.named(run.workflow);
        if (definition == null) {
            return cannotGoOn(run, "no workflow named '" + run.workflow + "' is deployed");
        }
        WorkflowStep step = definition.step(run.step);
        if (step == null) {
            return cannotGoOn(run, run.version == definition.version()
                    ? "workflow '" + run.workflow + "' has no step '" + run.step + "'"
                    : "step '" + run.step + "' of workflow '" + run.workflow + "' version " + run.version
                            + " no longer exists in the deployed version " + definition.version());
        }
        StepDeclaration declaration = WorkflowRegistry.declarationOf(definition, step);
        Object context;
        try {
            context = definition.decodeContext(run.context);
        } catch (RuntimeException unreadable) {
            return contextUnreadable(run, definition, unreadable);
        }
        WaitDeclaration wait = declaration.waitForEvent();
        if (wait != null && Inputs.event(run.input) == null) {
            Object match = definition.matchValue(step, context);
            Instant timeoutAt = wait.timeout() == null ? null : clock.instant().plus(wait.timeout());
            return Transition.waitForEvent(wait.event(), match == null ? null : String.valueOf(match), timeoutAt,
                    wait.onTimeout() == null ? null : wait.onTimeout().stepName()).build();
        }
        Instant startedAt = clock.instant();
        long startedNanos = System.nanoTime();
        RunStepContext stepContext = new RunStepContext(run, database, store, events, chatModel, clock);
        Flow flow;
        RunRow child = null;
        try {
            flow = invoker.invoke(definition, step, context, run, stepContext);
            if (flow == null) {
                throw new StepMisuse("step " + run.step + " returned null; return a Flow such as complete()");
            }
            WorkflowStep next = nextStepOf(flow);
            if (next != null && next.getClass() != definition.startStep().getClass()) {
                throw new StepMisuse(flow + " names a step of another workflow; step " + run.step + " of '"
                        + run.workflow + "' may only go to its own steps");
            }
            if (flow instanceof Flow.RunSubflow subflow) {
                WorkflowDefinition childDefinition = registry.of(subflow.workflowClass());
                child = starter.newRun(childDefinition, subflow.childContext().get(), run.entityType, run.entityId,
                        null, run.id, subflow.onComplete().stepName(), clock.instant());
                child.traceParent = run.traceParent; // the child's steps stay in the parent's trace
            }
        } catch (Exception failure) {
            if (DatabaseFailures.isTransient(failure)) {
                // The database is away, not the step at fault: tried again when it is back, no attempt spent.
                throw new DatabaseUnavailable(run, failure);
            }
            Transition failed = stepFailed(run, definition, declaration, failure, startedAt);
            metrics.stepEnded(run.workflow, run.step, failed.to == RunStatus.FAILED
                    ? RuntimeMetrics.Outcome.FAILED : RuntimeMetrics.Outcome.RETRIED, tookSince(startedNanos));
            return failed;
        }
        metrics.stepEnded(run.workflow, run.step, RuntimeMetrics.Outcome.SUCCEEDED, tookSince(startedNanos));
        Instant endedAt = clock.instant();
        StepHistoryStore.History history = new StepHistoryStore.History(run.step, run.attempt, startedAt, endedAt,
                flow.toString(), null, flow instanceof Flow.GoTo goTo ? goTo.progress() : null, declaration.display());
        Transition.Builder next = transitionAfter(flow, child, endedAt);
        if (flow instanceof Flow.Fail fail) {
            next.callingOnFail(Inputs.json(new WorkflowFailure(run.step, run.attempt, "fail", fail.reason(), "", endedAt)));
        }
        return next.context(definition.encodeContext(context)).recording(history).claims(stepContext.claimChanges())
                .build();
    }

    private static Duration tookSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Where a step's {@link Flow} takes the run. */
    private static Transition.Builder transitionAfter(Flow flow, RunRow child, Instant now) {
        if (flow instanceof Flow.GoTo goTo) {
            return Transition.goTo(goTo.next().stepName(), goTo.progress());
        } else if (flow instanceof Flow.Sleep sleep) {
            return Transition.sleep(now.plus(sleep.duration()));
        } else if (flow instanceof Flow.WaitForSignal wait) {
            return Transition.waitForSignal(wait.name(), now.plus(wait.timeout()), wait.onTimeout().stepName());
        } else if (flow instanceof Flow.Complete complete) {
            return Transition.complete(complete.result() == null ? null : Inputs.json(complete.result()));
        } else if (flow instanceof Flow.Fail fail) {
            return Transition.failedByStep(fail.reason());
        } else if (flow instanceof Flow.RunSubflow) {
            return Transition.waitForChild(child);
        }
        throw new IllegalStateException("unknown flow " + flow);
    }

    /** The step a flow names (next, after a timeout, after a child), or null. */
    private static WorkflowStep nextStepOf(Flow flow) {
        if (flow instanceof Flow.GoTo goTo) {
            return goTo.next();
        } else if (flow instanceof Flow.WaitForSignal wait) {
            return wait.onTimeout();
        } else if (flow instanceof Flow.RunSubflow subflow) {
            return subflow.onComplete();
        }
        return null;
    }

    /** A step attempt threw: retried under its policy, or the run fails for good and its {@code @OnFail} runs. */
    private Transition stepFailed(RunRow run, WorkflowDefinition<?> definition, StepDeclaration declaration,
            Exception failure, Instant startedAt) {
        Instant endedAt = clock.instant();
        RetryPolicy retry = declaration.retry();
        String error = failure.getClass().getName() + ": " + failure.getMessage();
        StepHistoryStore.History history = new StepHistoryStore.History(run.step, run.attempt, startedAt, endedAt, "FAILED", error, null,
                declaration.display());
        boolean retried = !(failure instanceof StepMisuse) && retry.retries(failure);
        if (retry.allowsAttemptAfter(run.attempt) && retried) {
            LOG.warn("{} failed (attempt {} of {}), retrying in {}: {}", run, run.attempt, retry.maxAttempts(),
                    retry.delayAfter(run.attempt), error);
            return Transition.retry(endedAt.plus(retry.delayAfter(run.attempt))).recording(history).build();
        }
        if (!retried) {
            LOG.warn("{} failed with {}, which is not retried: {}", run, failure.getClass().getName(), failure.getMessage());
        }
        LOG.error("{} failed for good after {} attempts", run, run.attempt, failure);
        WorkflowFailure reason = new WorkflowFailure(run.step, run.attempt, failure.getClass().getName(),
                String.valueOf(failure.getMessage()), StackTraces.of(failure), endedAt);
        return Transition.fail(error).recording(history).callingOnFail(Inputs.json(reason)).build();
    }

    /** A wait's time is up: the run goes to its timeout step, or fails without one. */
    private Transition timeOut(RunRow run, Instant now) {
        WorkflowDefinition<?> definition = registry.named(run.workflow);
        String display = "";
        if (definition != null && definition.step(run.step) != null) {
            display = WorkflowRegistry.declarationOf(definition, definition.step(run.step)).display();
        }
        String waitedFor = (run.waitKind == RunRow.WaitKind.SIGNAL ? "signal " : "event ") + run.waitingFor;
        StepHistoryStore.History history = new StepHistoryStore.History(run.step, run.attempt, run.updatedAt, now,
                "TIMED_OUT waiting for " + waitedFor, null, null, display);
        Transition.Builder next = run.timeoutStep == null
                ? Transition.fail("timed out waiting for " + waitedFor)
                : Transition.timedOut(run.timeoutStep);
        return next.recording(history).build();
    }

    /**
     * The stored context cannot be read as the workflow's {@code Context} (a field whose type changed
     * in a new version, a hand edit): no retry can mend that, so the run fails at once, with why, and
     * its {@code @OnFail} runs.
     */
    private Transition contextUnreadable(RunRow run, WorkflowDefinition<?> definition, RuntimeException unreadable) {
        Instant now = clock.instant();
        String error = "the stored context cannot be read as a " + definition.contextType().getName() + ": "
                + unreadable.getMessage();
        LOG.error("{} failed: {}", run, error);
        WorkflowFailure reason = new WorkflowFailure(run.step, run.attempt, unreadable.getClass().getName(), error,
                StackTraces.of(unreadable), now);
        return Transition.fail(error)
                .recording(new StepHistoryStore.History(run.step, run.attempt, now, now, "FAILED", error, null, ""))
                .callingOnFail(Inputs.json(reason)).build();
    }

    /** The run's workflow or step is not deployed: it fails at once, recorded in its history. */
    private Transition cannotGoOn(RunRow run, String error) {
        LOG.error("{} failed: {}", run, error);
        Instant now = clock.instant();
        return Transition.fail(error)
                .recording(new StepHistoryStore.History(run.step, run.attempt, now, now, "FAILED", error, null, "")).build();
    }

    /**
     * A step returned what no run can follow (null, another workflow's step): a programming error,
     * which a retry cannot mend, so the run fails at once.
     */
    static final class StepMisuse extends IllegalStateException {
        StepMisuse(String message) {
            super(message);
        }
    }

    /** A step, or its commit, met a database that is away: the execution is tried again in place. */
    static final class DatabaseUnavailable extends RuntimeException {
        DatabaseUnavailable(RunRow run, Exception cause) {
            super(run + ": the database is unavailable: " + cause.getMessage(), cause);
        }
    }
}
