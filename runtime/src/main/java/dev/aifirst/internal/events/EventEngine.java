package dev.aifirst.internal.events;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.aifirst.internal.deployment.Deployment;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.persistence.SessionTransactions;
import dev.aifirst.internal.scheduling.Executions;
import dev.aifirst.internal.scheduling.Resilience;
import dev.aifirst.internal.scheduling.Scheduling;
import dev.aifirst.internal.scheduling.Wakeups;
import dev.aifirst.spi.Instances;
import java.time.Clock;
import java.util.List;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires business events together: the {@link EventRegistry} of what was declared, {@link EntitySync}
 * (rows in step with entities, in their transactions), {@link EventOccurrence} and
 * {@link EventDelivery} (the two db-scheduler tasks), and the stores they share.
 */
public final class EventEngine {

    private static final Logger LOG = LoggerFactory.getLogger(EventEngine.class);

    private final Clock clock;
    private final SessionTransactions transactions;
    private final EventRegistry registry;
    private final EventStore events;
    private final DeliveryStore deliveries;
    private final ClaimStore claims = new ClaimStore();
    private final EventOutbox outbox;
    private final EntitySync sync;
    private final EventContexts contexts;
    private final EventOccurrence occurrence;
    private final EventDelivery delivery;
    private final Database database;
    private final Wakeups wakeups = new Wakeups();

    public EventEngine(Database database, Clock clock, SessionTransactions transactions, Instances instances,
            Deployment deployment) {
        this.database = database;
        this.clock = clock;
        this.transactions = transactions;
        this.registry = new EventRegistry(instances, deployment);
        Executions executions = Executions.of(database);
        this.events = new EventStore(executions.table());
        this.deliveries = new DeliveryStore(database.dialect(), executions);
        this.outbox = new EventOutbox(registry, events, deliveries, database.dialect(), executions);
        this.sync = new EntitySync(events, outbox, clock);
        this.contexts = new EventContexts(registry);
        this.occurrence = new EventOccurrence(registry, events, deliveries, claims, outbox, contexts, transactions, clock);
        this.delivery = new EventDelivery(registry, events, deliveries, outbox, database, transactions, clock,
                wakeups::at);
    }

    /** The db-scheduler tasks that carry the work; each wakes the scheduler for the work it made due now. */
    public List<Task<?>> tasks() {
        return List.of(
                Tasks.oneTime(EventTasks.DUE).onFailure(Resilience.rescheduleWithBackoff(wakeups::at))
                        .execute(this::occur),
                Tasks.oneTime(EventTasks.DELIVERY).onFailure(Resilience.rescheduleWithBackoff(wakeups::at))
                        .execute(this::deliver));
    }

    private void occur(TaskInstance<Void> instance, ExecutionContext context) {
        Resilience.run("event " + instance.getId(), occurrence::execute, EventTasks.DueInstance.parse(instance.getId()));
        wakeUp();
    }

    private void deliver(TaskInstance<Void> instance, ExecutionContext context) {
        Resilience.run("delivery " + instance.getId(), delivery::execute,
                EventTasks.DeliveryInstance.parse(instance.getId()));
        wakeUp();
    }

    /** Hooks the engine into the application's Hibernate session factory. */
    public void start(Scheduling scheduling) {
        wakeups.attach(scheduling);
        if (!transactions.available()) {
            if (!registry.isEmpty()) {
                throw new IllegalStateException("Entities " + registry.entityTypes() + " declare @Events, but the"
                        + " runtime has no EntityManagerFactory: pass the application's with"
                        + " AiFirst.builder().entityManagerFactory(emf)");
            }
            return;
        }
        EntityChangeListener.attach(transactions.entityManagerFactory().unwrap(SessionFactoryImplementor.class), this);
        LOG.info("AI-First events: {} entities with events, {} subscribers", registry.entityTypes().size(),
                registry.subscribers().size());
    }

    public void stop() {
        wakeups.detach();
    }

    boolean running() {
        return wakeups.attached();
    }

    /** Tells the scheduler that work is due now (after a commit), so it does not wait for its next poll. */
    public void wakeUp() {
        wakeups.now();
    }

    /** What was declared; other modules add their subscribers and observers here before the start. */
    public EventRegistry registry() {
        return registry;
    }

    /** The contexts a workflow step receives for the event it waited for. */
    public EventContexts contexts() {
        return contexts;
    }

    /** The claims table, for the modules that hold claims. */
    public ClaimStore claims() {
        return claims;
    }

    Database database() {
        return database;
    }

    SessionTransactions transactions() {
        return transactions;
    }

    EventStore events() {
        return events;
    }

    DeliveryStore deliveries() {
        return deliveries;
    }

    EntitySync sync() {
        return sync;
    }

    EventOutbox outbox() {
        return outbox;
    }

    Clock clock() {
        return clock;
    }
}
