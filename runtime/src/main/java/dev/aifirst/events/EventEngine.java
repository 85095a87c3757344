package dev.aifirst.events;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.aifirst.annotations.Trigger;
import dev.aifirst.persistence.Database;
import dev.aifirst.persistence.Dialect;
import dev.aifirst.scheduling.Executions;
import dev.aifirst.scheduling.Scheduling;
import dev.aifirst.spi.EntityEvents;
import dev.aifirst.spi.EventDeclaration;
import dev.aifirst.spi.EventHandlers;
import dev.aifirst.spi.EventState;
import dev.aifirst.spi.HandlerDeclaration;
import dev.aifirst.spi.Instances;
import dev.aifirst.spi.RetryPolicy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The business-event engine: keeps {@code aif_event} in step with entities inside their own
 * transactions, makes events occur at their time, and delivers each occurrence to its subscribers.
 *
 * <p>Two db-scheduler tasks carry the work, both written in the same transaction as the state they
 * act on (an outbox): {@value #DUE_TASK} makes one occurrence of an event happen (instance
 * {@code <eventId>:<occurrence>}), {@value #DELIVERY_TASK} runs one subscriber for one occurrence
 * (instance {@code <deliveryId>#<attempt>}). Both re-read the state under a row lock before acting,
 * so a stale or repeated execution does nothing.
 *
 * <p>For the runtime's modules; applications use {@code runtime.events()}.
 */
public final class EventEngine {

    static final String DUE_TASK = "aif-event-due";
    static final String DELIVERY_TASK = "aif-event-delivery";
    private static final Logger LOG = LoggerFactory.getLogger(EventEngine.class);
    /** A {@code {property}} placeholder of a templated event name. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

    private final Database database;
    private final Clock clock;
    private final ZoneId zone;
    private final EntityManagerFactory entityManagerFactory;
    private final EventStore store;
    private final ClaimStore claims = new ClaimStore();
    private final EntitySnapshots snapshots = new EntitySnapshots();
    private final Map<Class<?>, EntityEvents<?>> descriptorsByClass = new ConcurrentHashMap<>();
    private final Map<String, EntityEvents<?>> descriptorsByName = new HashMap<>();
    private final Map<String, EventSubscriber> subscribers = new LinkedHashMap<>();
    private final List<EventObserver> observers = new ArrayList<>();
    private final Map<Session, TransactionChanges> changesBySession = new ConcurrentHashMap<>();
    private volatile Scheduling scheduling;

    public EventEngine(Database database, Clock clock, EntityManagerFactory entityManagerFactory, Instances instances,
            ClassLoader classLoader) {
        this.database = database;
        this.clock = clock;
        this.zone = clock.getZone();
        this.entityManagerFactory = entityManagerFactory;
        this.store = new EventStore(database.dialect());
        for (EntityEvents<?> descriptor : ServiceLoader.load(EntityEvents.class, classLoader)) {
            EntityEvents<?> previous = descriptorsByName.put(descriptor.entityType().getName(), descriptor);
            if (previous != null) {
                throw new IllegalStateException("Two event registries for " + descriptor.entityType().getName()
                        + ": " + previous.getClass().getName() + " and " + descriptor.getClass().getName());
            }
            descriptorsByClass.put(descriptor.entityType(), descriptor);
        }
        for (EventHandlers handlers : ServiceLoader.load(EventHandlers.class, classLoader)) {
            for (HandlerDeclaration declaration : handlers.handlers()) {
                subscribe(new OnEventSubscriber(handlers, declaration, instances));
            }
        }
    }

    /** Adds a subscriber; before {@link #start}. */
    public void subscribe(EventSubscriber subscriber) {
        EventSubscriber previous = subscribers.putIfAbsent(subscriber.key(), subscriber);
        if (previous != null) {
            throw new IllegalStateException("Two event subscribers named " + subscriber.key());
        }
    }

    /** Adds an observer of every occurrence; before {@link #start}. */
    public void observe(EventObserver observer) {
        observers.add(observer);
    }

    /** The entity classes that declare events. */
    public Collection<Class<?>> entityTypes() {
        List<Class<?>> types = new ArrayList<>();
        for (EntityEvents<?> descriptor : descriptorsByName.values()) {
            types.add(descriptor.entityType());
        }
        return types;
    }

    /** The db-scheduler tasks that carry the engine's work. */
    public List<Task<?>> tasks() {
        OneTimeTask<Void> due = Tasks.oneTime(DUE_TASK).execute((instance, context) -> occur(instance.getId()));
        OneTimeTask<Void> delivery = Tasks.oneTime(DELIVERY_TASK).execute((instance, context) -> deliver(instance.getId()));
        return List.of(due, delivery);
    }

    /** Hooks the engine into the application's Hibernate session factory. */
    public void start(Scheduling scheduling) {
        this.scheduling = scheduling;
        if (entityManagerFactory == null) {
            if (!descriptorsByName.isEmpty()) {
                throw new IllegalStateException("Entities " + descriptorsByName.keySet() + " declare @Events, but the"
                        + " runtime has no EntityManagerFactory: pass the application's with"
                        + " AiFirst.builder().entityManagerFactory(emf)");
            }
            return;
        }
        EntityChangeListener.attach(entityManagerFactory.unwrap(SessionFactoryImplementor.class), this);
        LOG.info("AI-First events: {} entities with events, {} subscribers", descriptorsByName.size(), subscribers.size());
    }

    public void stop() {
        scheduling = null;
    }

    boolean running() {
        return scheduling != null;
    }

    EntityEvents<?> descriptorFor(Class<?> entityClass) {
        EntityEvents<?> descriptor = descriptorsByClass.get(entityClass);
        if (descriptor == null && !descriptorsByClass.containsKey(entityClass)) {
            // Hibernate proxies and subclasses: look up the hierarchy once and remember the answer.
            for (Class<?> type = entityClass.getSuperclass(); type != null && descriptor == null; type = type.getSuperclass()) {
                descriptor = descriptorsByClass.get(type);
            }
            if (descriptor != null) {
                descriptorsByClass.put(entityClass, descriptor);
            }
        }
        return descriptor;
    }

    EntityEvents<?> descriptorNamed(String entityType) {
        return descriptorsByName.get(entityType);
    }

    TransactionChanges changesOf(Session session) {
        return changesBySession.computeIfAbsent(session, s -> {
            TransactionChanges changes = new TransactionChanges(this, s);
            changes.register();
            return changes;
        });
    }

    void forget(Session session) {
        changesBySession.remove(session);
    }

    /** Tells the scheduler that work is due now (after a commit), so it does not wait for its next poll. */
    public void wakeUp() {
        Scheduling current = scheduling;
        if (current != null) {
            current.wakeUp();
        }
    }

    // ---- keeping rows in sync with entities --------------------------------------------------

    /** Brings the rows of one entity in line with its state after {@code trigger}; in the caller's transaction. */
    @SuppressWarnings("rawtypes")
    void sync(Connection c, EntityEvents descriptor, Object entity, String entityId, Trigger trigger) throws SQLException {
        sync(c, descriptor, entity, entityId, trigger, false);
    }

    /**
     * As {@link #sync(Connection, EntityEvents, Object, String, Trigger)}; with {@code repair} (a resync)
     * a scheduled event that fires on {@code CREATE} but has no row gets one: the entity existed before
     * the event was declared (or its row was lost), and its date, not the resync, decides when it occurs.
     */
    @SuppressWarnings("rawtypes")
    void sync(Connection c, EntityEvents descriptor, Object entity, String entityId, Trigger trigger, boolean repair)
            throws SQLException {
        List<EventRow> fresh = new ArrayList<>();
        sync(c, descriptor, entity, entityId, trigger, repair, fresh);
        insertFresh(c, fresh, clock.instant());
    }

    /**
     * The sync itself; rows it creates are added to {@code fresh} for the caller to insert with
     * {@link #insertFresh}, so that the changes of a whole transaction are written together.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void sync(Connection c, EntityEvents descriptor, Object entity, String entityId, Trigger trigger, boolean repair,
            List<EventRow> fresh) throws SQLException {
        Instant now = clock.instant();
        String entityType = descriptor.entityType().getName();
        // A new entity with a generated id cannot have rows yet: no need to look (a round trip saved).
        List<EventRow> rows = trigger == Trigger.CREATE && !repair && descriptor.generatedId()
                ? List.of()
                : store.lockRowsOf(c, entityType, entityId);
        Map<String, EventRow> rowsByKey = new HashMap<>();
        for (EventRow row : rows) {
            rowsByKey.put(row.key(), row);
        }
        List<EventState> states = descriptor.evaluate(entity, zone);
        if (trigger == Trigger.DELETE) {
            for (EventRow row : rows) {
                if (row.status == EventStatus.PENDING) {
                    cancel(c, row, "the entity was deleted", now);
                }
            }
        }
        for (EventState state : states) {
            EventDeclaration declaration = state.declaration();
            if (!state.rendered()) {
                LOG.debug("{} of {}#{}: not tracked because property '{}' is null (its name or namespace needs it)",
                        declaration.name(), descriptor.entityType().getSimpleName(), entityId, state.missingProperty());
                continue;
            }
            EventRow row = rowsByKey.get(EventRow.key(state.name(), state.namespace()));
            supersede(c, rows, row, declaration, state, now);
            if (trigger == Trigger.DELETE) {
                if (declaration.firesOn(Trigger.DELETE) && state.condition()) {
                    occurOnDelete(c, row, entityType, entityId, state, entity, now);
                }
            } else if (declaration.scheduled()) {
                syncScheduled(c, row, entityType, entityId, state, trigger, repair, fresh, now);
            } else {
                syncImmediate(c, row, entityType, entityId, state, trigger, fresh, now);
            }
        }
    }

    /**
     * Inserts the rows syncs created, and their executions: in one statement on PostgreSQL, in two
     * batches elsewhere, however many entities and events there are.
     */
    void insertFresh(Connection c, List<EventRow> fresh, Instant now) throws SQLException {
        if (fresh.isEmpty()) {
            return;
        }
        if (database.dialect() == Dialect.POSTGRESQL) {
            store.insertAllWithExecutions(c, fresh, DUE_TASK, now);
        } else {
            store.insertAll(c, fresh, now);
            List<Executions.NewExecution> executions = new ArrayList<>();
            for (EventRow row : fresh) {
                if (row.dueAt != null) {
                    executions.add(new Executions.NewExecution(DUE_TASK, row.dueInstance(), later(row.dueAt, now)));
                }
            }
            Executions.addAll(c, executions);
        }
        for (EventRow row : fresh) {
            if (row.dueAt != null) {
                armEarlyDeliveries(c, row, now);
            }
        }
    }

    /** A template whose rendering changed leaves a pending row under the old name: it will not occur. */
    private void supersede(Connection c, List<EventRow> rows, EventRow current, EventDeclaration declaration,
            EventState state, Instant now) throws SQLException {
        if (!declaration.templated() && declaration.namespace().indexOf('{') < 0) {
            return;
        }
        for (EventRow row : rows) {
            if (row != current && row.status == EventStatus.PENDING && row.declaredName.equals(declaration.name())) {
                cancel(c, row, "superseded by " + state.name() + " [" + state.namespace() + "]", now);
            }
        }
    }

    private void syncImmediate(Connection c, EventRow row, String entityType, String entityId, EventState state,
            Trigger trigger, List<EventRow> fresh, Instant now) throws SQLException {
        EventDeclaration declaration = state.declaration();
        boolean watchedChange = trigger == Trigger.UPDATE && !declaration.watch().isEmpty()
                && (row == null || !state.watchKey().equals(row.watchKey));
        if (!declaration.firesOn(trigger) && !watchedChange) {
            return;
        }
        if (!state.condition()) {
            if (watchedChange && row != null && row.status == EventStatus.OCCURRED) {
                // Remember the watched values, so that changing them back counts as a change.
                row.watchKey = state.watchKey();
                store.update(c, row, now);
            }
            return;
        }
        if (row == null) {
            row = newRow(entityType, entityId, state, trigger);
            row.dueAt = now;
            fresh.add(row); // inserted with the others at the end of the sync
        } else if (row.status == EventStatus.CANCELLED
                || (row.status == EventStatus.OCCURRED && watchedChange)) {
            rearm(row, state, trigger, now);
            store.update(c, row, now);
            armDue(c, row, now);
        }
        // PENDING: it occurs at the commit already scheduled.
    }

    private void syncScheduled(Connection c, EventRow row, String entityType, String entityId, EventState state,
            Trigger trigger, boolean repair, List<EventRow> fresh, Instant now) throws SQLException {
        EventDeclaration declaration = state.declaration();
        if (row == null) {
            boolean watchedChange = trigger == Trigger.UPDATE && !declaration.watch().isEmpty();
            boolean missing = repair && declaration.firesOn(Trigger.CREATE);
            if (!declaration.firesOn(trigger) && !watchedChange && !missing) {
                return;
            }
            row = newRow(entityType, entityId, state, trigger);
            row.dueAt = state.dueAt();
            fresh.add(row); // inserted with the others at the end of the sync
            return;
        }
        switch (row.status) {
            case PENDING -> {
                // Moving the date moves the event: the same row, its execution and its early deliveries move.
                row.dueAt = state.dueAt();
                row.watchKey = state.watchKey();
                row.note = null;
                store.update(c, row, now);
                armDue(c, row, now);
            }
            case OCCURRED -> {
                boolean watchedChange = trigger == Trigger.UPDATE && !declaration.watch().isEmpty()
                        && !state.watchKey().equals(row.watchKey);
                if (watchedChange) {
                    rearm(row, state, trigger, now);
                    row.dueAt = state.dueAt();
                    store.update(c, row, now);
                    armDue(c, row, now);
                }
            }
            case CANCELLED -> {
                if (declaration.firesOn(trigger)) {
                    rearm(row, state, trigger, now);
                    row.dueAt = state.dueAt();
                    store.update(c, row, now);
                    armDue(c, row, now);
                }
            }
        }
    }

    private void occurOnDelete(Connection c, EventRow row, String entityType, String entityId, EventState state,
            Object entity, Instant now) throws SQLException {
        String snapshot;
        String note = null;
        try {
            snapshot = snapshots.write(entity);
        } catch (Exception e) {
            snapshot = null;
            note = "the entity's last state could not be kept: " + e.getMessage();
            LOG.warn("{}#{}: {}", entityType, entityId, note);
        }
        if (row == null) {
            row = newRow(entityType, entityId, state, Trigger.DELETE);
        } else {
            rearm(row, state, Trigger.DELETE, now);
        }
        row.triggerKind = Trigger.DELETE;
        row.dueAt = now;
        row.snapshot = snapshot;
        row.note = note;
        if (row.id == 0) {
            store.insert(c, row, now);
        } else {
            store.update(c, row, now);
        }
        armDue(c, row, now);
    }

    private static EventRow newRow(String entityType, String entityId, EventState state, Trigger trigger) {
        EventRow row = new EventRow();
        row.entityType = entityType;
        row.entityId = entityId;
        row.name = state.name();
        row.declaredName = state.declaration().name();
        row.namespace = state.namespace();
        row.status = EventStatus.PENDING;
        row.triggerKind = trigger;
        row.occurrence = 1;
        row.watchKey = state.watchKey();
        return row;
    }

    /** Makes a row that occurred or was cancelled pending again, as its next occurrence. */
    private void rearm(EventRow row, EventState state, Trigger trigger, Instant now) {
        if (row.status == EventStatus.OCCURRED) {
            row.occurrence++;
        }
        row.status = EventStatus.PENDING;
        row.triggerKind = trigger;
        row.watchKey = state.watchKey();
        row.dueAt = now;
        row.note = null;
    }

    /**
     * Schedules the execution that makes a pending row's occurrence happen (at its date, or now if
     * the date has passed), and its subscribers with a negative offset (before the date).
     */
    private void armDue(Connection c, EventRow row, Instant now) throws SQLException {
        if (row.dueAt == null) {
            Executions.remove(c, DUE_TASK, row.dueInstance());
            return;
        }
        Executions.schedule(c, database.dialect(), DUE_TASK, row.dueInstance(), later(row.dueAt, now));
        armEarlyDeliveries(c, row, now);
    }

    /** Subscribers with a negative offset get their delivery before the event's date. */
    private void armEarlyDeliveries(Connection c, EventRow row, Instant now) throws SQLException {
        Class<?> entityClass = entityClass(row);
        for (EventSubscriber subscriber : subscribers.values()) {
            if (subscriber.offset().isNegative() && entityClass != null
                    && subscriber.accepts(entityClass, row.declaredName, row.name)) {
                Instant at = later(row.dueAt.plus(subscriber.offset()), now);
                DeliveryRecord delivery = store.addDelivery(c, row.id, row.occurrence, subscriber.key(), at, now);
                if (delivery.status() == DeliveryStatus.SKIPPED) {
                    store.updateDelivery(c, delivery.id(), DeliveryStatus.SCHEDULED, at, delivery.attempts(), null, null);
                } else if (delivery.status() != DeliveryStatus.SCHEDULED) {
                    continue;
                } else if (!delivery.dueAt().equals(at)) {
                    store.updateDelivery(c, delivery.id(), DeliveryStatus.SCHEDULED, at, delivery.attempts(),
                            delivery.lastError(), null);
                }
                Executions.schedule(c, database.dialect(), DELIVERY_TASK, deliveryInstance(delivery.id(), delivery.attempts() + 1), at);
            }
        }
    }

    private void cancel(Connection c, EventRow row, String why, Instant now) throws SQLException {
        row.status = EventStatus.CANCELLED;
        row.note = why;
        store.update(c, row, now);
        Executions.remove(c, DUE_TASK, row.dueInstance());
        for (DeliveryRecord delivery : store.queryDeliveries(c, "event_id = ? AND status = ?", row.id,
                DeliveryStatus.SCHEDULED.name())) {
            skip(c, delivery, "the event was cancelled: " + why, now);
        }
    }

    /** Cancels the pending events of an entity that is gone (found by a resync). */
    void cancelAllOf(Connection c, String entityType, String entityId, String why) throws SQLException {
        Instant now = clock.instant();
        for (EventRow row : store.lockRowsOf(c, entityType, entityId)) {
            if (row.status == EventStatus.PENDING) {
                cancel(c, row, why, now);
            }
        }
    }

    private void skip(Connection c, DeliveryRecord delivery, String why, Instant now) throws SQLException {
        store.updateDelivery(c, delivery.id(), DeliveryStatus.SKIPPED, delivery.dueAt(), delivery.attempts(), why, now);
        Executions.remove(c, DELIVERY_TASK, deliveryInstance(delivery.id(), delivery.attempts() + 1));
    }

    // ---- occurring ---------------------------------------------------------------------------

    /** Executes {@value #DUE_TASK}: makes one occurrence happen if it still should. */
    void occur(String instance) {
        int colon = instance.indexOf(':');
        long eventId = Long.parseLong(instance.substring(0, colon));
        int occurrence = Integer.parseInt(instance.substring(colon + 1));
        inHibernateTransaction(session -> {
            Connection c = connection(session);
            Instant now = clock.instant();
            EventRow row = store.lockRowToOccur(c, eventId);
            if (row == null || row.status != EventStatus.PENDING || row.occurrence != occurrence) {
                return null; // already occurred, cancelled or re-armed: this execution is stale
            }
            EntityEvents<?> descriptor = descriptorNamed(row.entityType);
            if (descriptor == null) {
                cancel(c, row, "no entity class " + row.entityType + " declares events any more", now);
                return null;
            }
            Object entity = null;
            if (row.triggerKind != Trigger.DELETE) {
                entity = session.find(descriptor.entityType(), descriptor.parseId(row.entityId));
                if (entity == null) {
                    cancel(c, row, "the entity no longer exists", now);
                    return null;
                }
                EventState state = stateOf(descriptor, entity, row);
                if (state == null) {
                    cancel(c, row, "the entity declares no event " + row.declaredName + " any more", now);
                    return null;
                }
                if (!row.name.equals(state.name()) || !row.namespace.equals(state.namespace())) {
                    cancel(c, row, "superseded by " + state.name() + " [" + state.namespace() + "]", now);
                    return null;
                }
                if (state.declaration().scheduled()) {
                    if (state.dueAt() == null || state.dueAt().isAfter(now)) {
                        // The date was cleared or moved behind Hibernate's back: follow the entity.
                        row.dueAt = state.dueAt();
                        store.update(c, row, now);
                        armDue(c, row, now);
                        return null;
                    }
                }
                if (!state.condition()) {
                    row.note = "its condition did not hold at " + now;
                    store.update(c, row, now);
                    LOG.debug("{} did not occur: its condition is false", row);
                    return null;
                }
                row.watchKey = state.watchKey();
            }
            row.status = EventStatus.OCCURRED;
            row.occurredAt = now;
            row.note = null;
            store.update(c, row, now);
            Instant base = row.dueAt != null ? row.dueAt : now;
            Class<?> entityClass = descriptor.entityType();
            ClaimRecord claim = row.mayBeClaimed ? claims.take(c, row.declaredName, row.name, row.entityId, now) : null;
            for (EventSubscriber subscriber : subscribers.values()) {
                if (!subscriber.accepts(entityClass, row.declaredName, row.name)) {
                    continue;
                }
                Instant at = later(base.plus(subscriber.offset()), now);
                if (claim != null && !subscriber.ignoresClaims()) {
                    DeliveryRecord delivery = store.addDelivery(c, row.id, row.occurrence, subscriber.key(), at, now);
                    if (delivery.status() == DeliveryStatus.SCHEDULED) {
                        skip(c, delivery, "the event is claimed by " + claim.holder(), now);
                    }
                } else {
                    store.addDeliveryWithExecution(c, row.id, row.occurrence, subscriber.key(), at, now, DELIVERY_TASK);
                }
            }
            if (!observers.isEmpty()) {
                EventContext<?> context = contextFor(session, row, descriptor, entity, now);
                for (EventObserver observer : observers) {
                    observer.occurred(context, claim == null ? null : claim.holder(), session);
                }
            }
            LOG.debug("{} occurred", row);
            return null;
        });
        wakeUp();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private EventState stateOf(EntityEvents descriptor, Object entity, EventRow row) {
        for (Object candidate : descriptor.evaluate(entity, zone)) {
            EventState state = (EventState) candidate;
            if (state.declaration().name().equals(row.declaredName)) {
                return state;
            }
        }
        return null;
    }

    // ---- delivering --------------------------------------------------------------------------

    /** Executes {@value #DELIVERY_TASK}: runs one subscriber for one occurrence, once. */
    void deliver(String instance) {
        int hash = instance.indexOf('#');
        long deliveryId = Long.parseLong(instance.substring(0, hash));
        int attempt = Integer.parseInt(instance.substring(hash + 1));
        DeliveryRecord[] running = new DeliveryRecord[1];
        EventSubscriber[] subscriber = new EventSubscriber[1];
        try {
            inHibernateTransaction(session -> {
                Connection c = connection(session);
                Instant now = clock.instant();
                DeliveryRecord delivery = store.lockDelivery(c, deliveryId);
                if (delivery == null || delivery.status() != DeliveryStatus.SCHEDULED || delivery.attempts() + 1 != attempt) {
                    return null; // done, skipped, or superseded by a later attempt: stale
                }
                running[0] = delivery;
                EventRow row = store.lockRow(c, delivery.eventId());
                subscriber[0] = subscribers.get(delivery.subscriber());
                String skipReason = null;
                EntityEvents<?> descriptor = row == null ? null : descriptorNamed(row.entityType);
                if (row == null) {
                    skipReason = "its event row no longer exists";
                } else if (subscriber[0] == null) {
                    skipReason = "no subscriber " + delivery.subscriber() + " in this deployment";
                } else if (descriptor == null) {
                    skipReason = "no entity class " + row.entityType + " declares events any more";
                } else if (row.status == EventStatus.CANCELLED) {
                    skipReason = "the event was cancelled: " + row.note;
                } else if (row.occurrence != delivery.occurrence()) {
                    skipReason = "the event has occurred again since (occurrence " + row.occurrence + ")";
                }
                Object entity = null;
                String unavailable = null;
                if (skipReason == null) {
                    if (row.triggerKind == Trigger.DELETE) {
                        if (row.snapshot != null) {
                            entity = snapshots.read(row.snapshot, descriptor.entityType());
                        } else {
                            unavailable = row.note;
                        }
                    } else {
                        entity = session.find(descriptor.entityType(), descriptor.parseId(row.entityId));
                        if (entity == null) {
                            skipReason = "the entity no longer exists";
                        } else if (row.status == EventStatus.PENDING) {
                            // An early delivery (negative offset): only if the event is still expected.
                            EventState state = stateOf(descriptor, entity, row);
                            if (state == null || !state.condition()) {
                                skipReason = "the event's condition did not hold " + Duration.between(now, row.dueAt)
                                        + " before its date";
                            }
                        }
                    }
                }
                if (skipReason != null) {
                    skip(c, delivery, skipReason, now);
                    LOG.info("Delivery of {} to {} skipped: {}", row, delivery.subscriber(), skipReason);
                    return null;
                }
                Instant occurredAt = row.occurredAt != null ? row.occurredAt : row.dueAt;
                DeliveredEvent<Object> context = new DeliveredEvent<>(entity, unavailable, row, occurredAt, session);
                subscriber[0].deliver(context, session);
                session.flush();
                store.updateDelivery(c, delivery.id(), DeliveryStatus.DONE, delivery.dueAt(), attempt, null, clock.instant());
                return null;
            });
        } catch (Exception failure) {
            if (running[0] == null) {
                throw failure; // our own bookkeeping failed: let db-scheduler retry the execution
            }
            recordFailure(running[0], subscriber[0], attempt, failure);
        }
        wakeUp();
    }

    private void recordFailure(DeliveryRecord delivery, EventSubscriber subscriber, int attempt, Exception failure) {
        Throwable cause = failure instanceof HandlerFailure ? failure.getCause() : failure;
        RetryPolicy retry = subscriber.retry();
        database.inTransaction(c -> {
            Instant now = clock.instant();
            DeliveryRecord current = store.lockDelivery(c, delivery.id());
            if (current == null || current.status() != DeliveryStatus.SCHEDULED || current.attempts() + 1 != attempt) {
                return null;
            }
            String error = EventStore.stackTrace(cause);
            if (retry.allowsAttemptAfter(attempt)) {
                Instant next = now.plus(retry.delayAfter(attempt));
                store.updateDelivery(c, delivery.id(), DeliveryStatus.SCHEDULED, next, attempt, error, null);
                Executions.add(c, database.dialect(), DELIVERY_TASK, deliveryInstance(delivery.id(), attempt + 1), next);
                LOG.warn("{} failed (attempt {} of {}), retrying at {}: {}", delivery.subscriber(), attempt,
                        retry.maxAttempts(), next, cause.toString());
            } else {
                store.updateDelivery(c, delivery.id(), DeliveryStatus.FAILED, delivery.dueAt(), attempt, error, now);
                LOG.error("{} failed for good after {} attempts (delivery {})", delivery.subscriber(), attempt,
                        delivery.id(), cause);
            }
            return null;
        });
    }

    // ---- helpers -----------------------------------------------------------------------------

    private EventContext<?> contextFor(Session session, EventRow row, EntityEvents<?> descriptor, Object entity, Instant now) {
        Object value = entity;
        String unavailable = null;
        if (row.triggerKind == Trigger.DELETE) {
            try {
                value = row.snapshot == null ? null : snapshots.read(row.snapshot, descriptor.entityType());
                unavailable = row.note;
            } catch (Exception e) {
                unavailable = e.getMessage();
            }
        }
        return new DeliveredEvent<>(value, unavailable, row, now, session);
    }

    /**
     * The context of an event that occurred earlier, with its entity loaded in {@code session}: what a
     * workflow step waiting for the event receives when it runs.
     */
    public EventContext<?> contextOf(String entityType, String entityId, String name, String declaredName,
            String namespace, Instant occurredAt, Session session) {
        EventRow row = new EventRow();
        row.entityType = entityType;
        row.entityId = entityId;
        row.name = name;
        row.declaredName = declaredName;
        row.namespace = namespace;
        EntityEvents<?> descriptor = descriptorNamed(entityType);
        Object entity = null;
        String unavailable = null;
        if (descriptor == null) {
            unavailable = "no entity class " + entityType + " declares events any more";
        } else {
            entity = session.find(descriptor.entityType(), descriptor.parseId(entityId));
            if (entity == null) {
                unavailable = "the entity no longer exists";
            }
        }
        return new DeliveredEvent<>(entity, unavailable, row, occurredAt, session);
    }

    /** The entity class name an occurrence is stored under ({@code Class.getName()} of the declaring entity). */
    public static String entityTypeOf(EventContext<?> event) {
        if (event instanceof DeliveredEvent<?> delivered) {
            return delivered.entityType();
        }
        throw new IllegalArgumentException("not an event delivered by the runtime: " + event);
    }

    /** Runs {@code work} in a new Hibernate transaction; for the runtime's other modules. */
    public <T> T inSession(SessionWork<T> work) {
        return inHibernateTransaction(work);
    }

    /** The entity class stored as {@code entityType} with events, or {@code null}. */
    public Class<?> entityClassNamed(String entityType) {
        EntityEvents<?> descriptor = descriptorNamed(entityType);
        return descriptor == null ? null : descriptor.entityType();
    }

    private Class<?> entityClass(EventRow row) {
        EntityEvents<?> descriptor = descriptorNamed(row.entityType);
        return descriptor == null ? null : descriptor.entityType();
    }

    static String deliveryInstance(long deliveryId, int attempt) {
        return deliveryId + "#" + attempt;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The JDBC connection of a Hibernate session, to write the runtime's tables in its transaction. */
    public static Connection connection(Session session) {
        return session.doReturningWork(connection -> connection);
    }

    /** Work inside a Hibernate transaction. */
    public interface SessionWork<T> {
        T run(Session session) throws Exception;
    }

    /** Runs {@code work} in a new Hibernate transaction of the application's session factory. */
    <T> T inHibernateTransaction(SessionWork<T> work) {
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            T result;
            try {
                result = work.run(entityManager.unwrap(Session.class));
            } catch (Exception e) {
                throw new HandlerFailure(e);
            }
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            throw e;
        } finally {
            entityManager.close();
        }
    }

    /** Whether the runtime was given the application's Hibernate setup. */
    public boolean hasEntityManagerFactory() {
        return entityManagerFactory != null;
    }

    EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    /**
     * Whether an entity of this runtime declares {@code eventName}: a declared name (a template
     * included) or a rendering of a template, such as {@code "stage_done:cleaning"} of
     * {@code "stage_done:{stage}"}.
     */
    public boolean declaresEvent(String eventName) {
        for (EntityEvents<?> descriptor : descriptorsByName.values()) {
            for (EventDeclaration declaration : descriptor.declarations()) {
                if (declaration.name().equals(eventName)
                        || declaration.templated() && renderingPattern(declaration.name()).matcher(eventName).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code "stage_done:{stage}"} → a pattern that matches its renderings: {@code "stage_done:" + anything}. */
    private static Pattern renderingPattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        int literal = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(template.substring(literal, placeholder.start()))).append(".*");
            literal = placeholder.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(template.substring(literal))).toString(), Pattern.DOTALL);
    }

    /** The claims table, for the runtime's modules that hold claims. */
    public ClaimStore claims() {
        return claims;
    }

    EventStore store() {
        return store;
    }

    Database database() {
        return database;
    }

    Clock clock() {
        return clock;
    }

    /** Carries a checked exception of user code out of a transaction. */
    public static final class HandlerFailure extends RuntimeException {
        HandlerFailure(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Adapts a generated {@code @OnEvent} method to a subscriber. */
    private record OnEventSubscriber(EventHandlers handlers, HandlerDeclaration declaration, Instances instances)
            implements EventSubscriber {

        @Override
        public String key() {
            return declaration.key();
        }

        @Override
        public Class<?> entityType() {
            return declaration.entityType();
        }

        @Override
        public String event() {
            return declaration.event();
        }

        @Override
        public Duration offset() {
            return declaration.offset();
        }

        @Override
        public RetryPolicy retry() {
            return declaration.retry();
        }

        @Override
        public boolean ignoresClaims() {
            return declaration.ignoresClaims();
        }

        @Override
        public void deliver(EventContext<?> event, Session session) throws Exception {
            handlers.handle(declaration.key(), event, instances);
        }
    }
}
