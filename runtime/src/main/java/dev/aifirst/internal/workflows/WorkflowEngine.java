package dev.aifirst.internal.workflows;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.aifirst.internal.deployment.Deployment;
import dev.aifirst.internal.events.EventEngine;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.persistence.SessionTransactions;
import dev.aifirst.internal.scheduling.Executions;
import dev.aifirst.internal.scheduling.Resilience;
import dev.aifirst.internal.scheduling.Scheduling;
import dev.aifirst.internal.scheduling.Wakeups;
import dev.aifirst.spi.Instances;
import dev.aifirst.spi.WorkflowDefinition;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires durable workflows together: the {@link WorkflowRegistry} of deployed workflows, the
 * {@link RunStarter}, the {@link RunLoop} that db-scheduler executes, {@link EventWaits} and
 * {@link RunControl} that wake and stop runs, all committing through {@link RunTransitions}.
 */
public final class WorkflowEngine {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowEngine.class);

    private final Database database;
    private final Clock clock;
    private final WorkflowRegistry registry;
    private final RunStore store;
    private final RunStarter starter;
    private final RunLoop loop;
    private final RunControl control;
    private final OnFailHook onFailHook;
    private final Wakeups wakeups = new Wakeups();

    public WorkflowEngine(Database database, Clock clock, EventEngine events, SessionTransactions transactions,
            Instances instances, ChatModel chatModel, Deployment deployment) {
        this.database = database;
        this.clock = clock;
        this.registry = new WorkflowRegistry(deployment);
        Executions executions = Executions.of(database);
        this.store = new RunStore(database.dialect(), executions);
        RunTransitions transitions = new RunTransitions(database, executions, store, events.claims(), clock, wakeups::at);
        this.starter = new RunStarter(database, store, instances, clock);
        StepInvoker invoker = new StepInvoker(transactions, events.contexts(), instances);
        this.loop = new RunLoop(registry, store, transitions, starter, invoker, database, events.registry(), chatModel,
                clock);
        this.onFailHook = new OnFailHook(registry, store, database, instances);
        this.control = new RunControl(registry, store, transitions, clock);
        for (WorkflowDefinition<?> definition : registry.definitions()) {
            if (!definition.triggerEvent().isEmpty()) {
                events.registry().subscribe(starter.onEvent(definition));
            }
        }
        if (registry.awaitsAnyEvent()) {
            events.registry().observe(new EventWaits(registry, store, transitions, clock));
        }
    }

    /** The db-scheduler tasks: the one that runs workflow steps, and the one that calls {@code @OnFail} hooks. */
    public List<Task<?>> tasks() {
        return List.of(
                Tasks.oneTime(WorkflowTask.NAME).onFailure(Resilience.rescheduleWithBackoff(wakeups::at))
                        .execute(this::runSteps),
                Tasks.oneTime(OnFailHook.TASK).onFailure(Resilience.rescheduleWithBackoff(wakeups::at))
                        .execute(this::callOnFail));
    }

    private void runSteps(TaskInstance<Void> instance, ExecutionContext context) {
        Resilience.run("workflow run " + instance.getId(), loop::execute, WorkflowTask.RunInstance.parse(instance.getId()));
    }

    private void callOnFail(TaskInstance<Void> instance, ExecutionContext context) {
        Resilience.run("@OnFail of workflow run " + instance.getId(), onFailHook::execute, instance.getId());
    }

    public void start(Scheduling scheduling) {
        wakeups.attach(scheduling);
        LOG.info("AI-First workflows: {} deployed", registry.definitions().size());
    }

    /** Tells the scheduler that work is due now, after a commit that made it so. */
    void wakeUp() {
        wakeups.now();
    }

    Database database() {
        return database;
    }

    Clock clock() {
        return clock;
    }

    WorkflowRegistry registry() {
        return registry;
    }

    RunStore store() {
        return store;
    }

    RunStarter starter() {
        return starter;
    }

    RunControl control() {
        return control;
    }
}
