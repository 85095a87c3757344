package dev.aifirst.internal.agents;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.aifirst.internal.deployment.Deployment;
import dev.aifirst.internal.events.EventEngine;
import dev.aifirst.internal.events.EventSubscriber;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.persistence.SessionTransactions;
import dev.aifirst.internal.scheduling.Executions;
import dev.aifirst.internal.scheduling.Resilience;
import dev.aifirst.internal.scheduling.Scheduling;
import dev.aifirst.internal.scheduling.Wakeups;
import dev.aifirst.spi.Instances;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires business agents together: the {@link AgentRegistry} of deployed agents, the event
 * subscribers that spawn them and route events to them, and the {@link AgentTurn} that db-scheduler
 * executes, all sharing one {@link AgentLifecycle}.
 */
public final class AgentEngine {

    private static final Logger LOG = LoggerFactory.getLogger(AgentEngine.class);

    private final Database database;
    private final Clock clock;
    private final AgentRegistry registry;
    private final AgentStore agents;
    private final JournalStore journal = new JournalStore();
    private final AgentLifecycle lifecycle;
    private final AgentTurn turn;
    private final Instances instances;
    private final Wakeups wakeups = new Wakeups();

    public AgentEngine(Database database, Clock clock, EventEngine events, SessionTransactions transactions,
            Instances instances, Deployment deployment) {
        this.database = database;
        this.clock = clock;
        this.instances = instances;
        this.registry = new AgentRegistry(deployment);
        this.agents = new AgentStore(database.dialect());
        InboxStore inbox = new InboxStore();
        this.lifecycle = new AgentLifecycle(agents, inbox, journal, Executions.of(database), wakeups::at);
        AgentFailures failures = new AgentFailures(registry, agents, inbox, journal, database, clock);
        this.turn = new AgentTurn(registry, agents, inbox, journal, lifecycle, failures, events.contexts(), database,
                transactions, instances, clock);
        for (EventSubscriber subscriber : new AgentSubscribers(agents, lifecycle, instances, clock).of(registry)) {
            events.registry().subscribe(subscriber);
        }
    }

    /** The db-scheduler task that runs agents' turns. */
    public List<Task<?>> tasks() {
        return List.of(Tasks.oneTime(AgentTask.NAME).onFailure(Resilience.rescheduleWithBackoff(wakeups::at))
                .execute(this::runTurn));
    }

    private void runTurn(TaskInstance<Void> instance, ExecutionContext context) {
        Resilience.run("agent " + instance.getId(), turn::execute, AgentTask.Instance.parse(instance.getId()));
    }

    public void start(Scheduling scheduling) {
        wakeups.attach(scheduling);
        LOG.info("AI-First agents: {} deployed", registry.definitions().size());
    }

    void wakeUp() {
        wakeups.now();
    }

    Database database() {
        return database;
    }

    Clock clock() {
        return clock;
    }

    AgentRegistry registry() {
        return registry;
    }

    AgentStore agents() {
        return agents;
    }

    JournalStore journal() {
        return journal;
    }

    AgentLifecycle lifecycle() {
        return lifecycle;
    }

    Instances instances() {
        return instances;
    }
}
