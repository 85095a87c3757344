package dev.aifirst.internal.workflows;

import dev.aifirst.events.EventContext;
import dev.aifirst.internal.events.EventContexts;
import dev.aifirst.internal.events.EventReference;
import dev.aifirst.internal.events.EventSubscriber;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.persistence.SessionTransactions;
import dev.aifirst.spi.Instances;
import dev.aifirst.spi.RetryPolicy;
import dev.aifirst.spi.WorkflowDefinition;
import dev.aifirst.workflows.RunStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts runs: by hand, when a workflow's event occurs, and as children of a running step. */
final class RunStarter {

    private static final Logger LOG = LoggerFactory.getLogger(RunStarter.class);
    /** How a delivery that starts a run is retried when the start itself fails (the database, not user code). */
    private static final RetryPolicy START_RETRY = new RetryPolicy(5, Duration.ofSeconds(5), 2.0, Duration.ofHours(1));

    private final Database database;
    private final RunStore store;
    private final Instances instances;
    private final Clock clock;

    RunStarter(Database database, RunStore store, Instances instances, Clock clock) {
        this.database = database;
        this.store = store;
        this.instances = instances;
        this.clock = clock;
    }

    /**
     * A new run of {@code definition}, due at {@code at} (sleeping until then if it is later than
     * now); not yet written.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    RunRow newRun(WorkflowDefinition definition, Object context, String entityType, String entityId, String input,
            String parentId, String parentStep, Instant at) {
        Instant now = clock.instant();
        RunRow run = new RunRow();
        run.id = UUID.randomUUID().toString();
        run.workflow = definition.name();
        run.version = definition.version();
        run.status = at.isAfter(now) ? RunStatus.SLEEPING : RunStatus.RUNNING;
        run.step = definition.startStep().stepName();
        run.attempt = 1;
        run.seq = 0;
        run.lease = 1;
        run.context = definition.encodeContext(context);
        run.entityType = entityType;
        run.entityId = entityId;
        run.wakeAt = at.isAfter(now) ? at : null;
        run.input = input;
        run.parentId = parentId;
        run.parentStep = parentStep;
        run.createdAt = now;
        run.updatedAt = now;
        return run;
    }

    /** Writes a new run and its first execution, due at {@code at}; in the caller's transaction. */
    private void insert(Connection c, RunRow run, Instant at) throws SQLException {
        store.insertWithExecution(c, run, WorkflowTask.NAME, WorkflowTask.RunInstance.of(run).id(), at);
    }

    /** Starts a run of {@code definition} now, by hand, in the caller's transaction; returns its id. */
    String startIn(Connection c, WorkflowDefinition<?> definition, Object context) throws SQLException {
        RunRow run = newRun(definition, context, null, null, null, null, null, clock.instant());
        insert(c, run, run.createdAt);
        LOG.debug("{} started in the caller's transaction", run);
        return run.id;
    }

    /** Starts a run of {@code definition} now, by hand, committed on its own; returns its id. */
    String startNow(WorkflowDefinition<?> definition, Object context) {
        RunRow run = newRun(definition, context, null, null, null, null, null, clock.instant());
        Database.TransactionWork<String> insert = c -> {
            insert(c, run, run.createdAt);
            return run.id;
        };
        // The run and its execution are one statement where the database allows: no transaction needed.
        return store.writesInOneStatement() ? database.inAutoCommit(insert) : database.inTransaction(insert);
    }

    /** The subscriber that starts runs of {@code definition} when its event occurs. */
    EventSubscriber onEvent(WorkflowDefinition<?> definition) {
        return new StartOnEvent(definition);
    }

    /** Starts a run of a workflow when its event occurs, in the delivery's transaction. */
    private final class StartOnEvent implements EventSubscriber {

        private final WorkflowDefinition<?> definition;

        StartOnEvent(WorkflowDefinition<?> definition) {
            this.definition = definition;
        }

        @Override
        public String key() {
            return "workflow:" + definition.name();
        }

        @Override
        public Class<?> entityType() {
            return definition.triggerEntityType();
        }

        @Override
        public String event() {
            return definition.triggerEvent();
        }

        @Override
        public Duration offset() {
            return definition.offset();
        }

        @Override
        public RetryPolicy retry() {
            return START_RETRY;
        }

        @Override
        public void deliver(EventContext<?> event, Session session) throws Exception {
            Connection c = SessionTransactions.connection(session);
            Instant now = clock.instant();
            EventReference reference = EventContexts.referenceTo(event);
            Duration debounce = definition.debounce();
            if (!debounce.isZero()
                    && store.hasDebouncedRun(c, definition.name(), reference.entityType(), event.entityId(), now)) {
                LOG.debug("{} joins a debounced run of {}", event, definition.name());
                return;
            }
            Object context = definition.createContext(event, instances);
            Instant at = now.plus(debounce);
            RunRow run = newRun(definition, context, reference.entityType(), event.entityId(), Inputs.event(reference),
                    null, null, at);
            if (!debounce.isZero()) {
                run.debounceUntil = at;
            }
            insert(c, run, at);
            LOG.debug("{} started by {}", run, event);
        }
    }
}
