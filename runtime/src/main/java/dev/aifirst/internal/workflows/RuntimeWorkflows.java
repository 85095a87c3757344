package dev.aifirst.internal.workflows;

import dev.aifirst.Page;
import dev.aifirst.PageRequest;
import dev.aifirst.internal.events.EventRegistry;
import dev.aifirst.internal.persistence.CallerTransaction;
import dev.aifirst.internal.persistence.CallerTransactions;
import dev.aifirst.internal.persistence.Pages;
import dev.aifirst.spi.EntityEvents;
import dev.aifirst.spi.WorkflowDefinition;
import dev.aifirst.workflows.RunQuery;
import dev.aifirst.workflows.StepExecution;
import dev.aifirst.workflows.TransactionalWorkflows;
import dev.aifirst.workflows.WorkflowRun;
import dev.aifirst.workflows.Workflows;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.util.List;
import java.util.Objects;

/**
 * {@code runtime.workflows()}. {@code start} and {@code signal} join the calling thread's transaction
 * when {@link CallerTransactions} finds one ({@link JoinedWorkflows}); otherwise, like the other
 * changes, each is one transaction (or one statement) of its own, then a wake-up of the scheduler.
 */
public final class RuntimeWorkflows implements Workflows {

    private final WorkflowEngine engine;
    private final EventRegistry events;
    private final CallerTransactions callers;

    public RuntimeWorkflows(WorkflowEngine engine, EventRegistry events, CallerTransactions callers) {
        this.engine = engine;
        this.events = events;
        this.callers = callers;
    }

    /** The definition of {@code workflowClass}, checked to take {@code context}. */
    static WorkflowDefinition<?> startable(WorkflowRegistry registry, Class<?> workflowClass, Object context) {
        WorkflowDefinition<?> definition = registry.of(workflowClass);
        Objects.requireNonNull(context, "context");
        if (!definition.contextType().isInstance(context)) {
            throw new IllegalArgumentException("The context of " + workflowClass.getSimpleName() + " is a "
                    + definition.contextType().getName() + ", not a " + context.getClass().getName());
        }
        return definition;
    }

    /** The calling thread's transaction, or {@code null}: then the call commits on its own. */
    private TransactionalWorkflows joined() {
        CallerTransaction caller = callers.current();
        return caller == null ? null : new JoinedWorkflows(engine, () -> caller);
    }

    @Override
    public String start(Class<?> workflowClass, Object context) {
        TransactionalWorkflows joined = joined();
        if (joined != null) {
            return joined.start(workflowClass, context);
        }
        WorkflowDefinition<?> definition = startable(engine.registry(), workflowClass, context);
        String id = engine.starter().startNow(definition, context);
        engine.wakeUp();
        return id;
    }

    @Override
    public int signal(String name, Object payload) {
        Objects.requireNonNull(name, "name");
        TransactionalWorkflows joined = joined();
        if (joined != null) {
            return joined.signal(name, payload);
        }
        int woken = engine.database().inTransaction(c -> engine.control().broadcast(c, name, payload));
        engine.wakeUp();
        return woken;
    }

    @Override
    public boolean signal(String runId, String name, Object payload) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(name, "name");
        TransactionalWorkflows joined = joined();
        if (joined != null) {
            return joined.signal(runId, name, payload);
        }
        boolean woken = engine.database().inTransaction(c -> engine.control().signal(c, runId, name, payload));
        engine.wakeUp();
        return woken;
    }

    @Override
    public TransactionalWorkflows in(EntityManager entityManager) {
        Objects.requireNonNull(entityManager, "entityManager");
        return new JoinedWorkflows(engine, () -> callers.of(entityManager));
    }

    @Override
    public TransactionalWorkflows in(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        return new JoinedWorkflows(engine, () -> callers.of(connection));
    }

    @Override
    public boolean cancel(String runId) {
        Objects.requireNonNull(runId, "runId");
        boolean cancelled = engine.database().inTransaction(c -> engine.control().cancel(c, runId));
        engine.wakeUp();
        return cancelled;
    }

    @Override
    public WorkflowRun find(String runId) {
        Objects.requireNonNull(runId, "runId");
        RunRow row = engine.database().inAutoCommit(c -> engine.store().find(c, runId, false));
        return row == null ? null : row.toRecord();
    }

    @Override
    public Page<WorkflowRun> runs(RunQuery query, PageRequest page) {
        Objects.requireNonNull(page, "page");
        Criteria criteria = criteria(query);
        Pages.TimeKey after = Pages.afterTime(page);
        List<RunRow> rows = engine.database().inAutoCommit(c -> engine.store().page(c, criteria.workflow(),
                query.status(), criteria.entityType(), criteria.entityId(), after, page.limit() + 1));
        List<WorkflowRun> runs = rows.stream().map(RunRow::toRecord).toList();
        return Pages.of(runs, page, run -> Pages.timeCursor(run.createdAt(), run.id()));
    }

    @Override
    public long count(RunQuery query) {
        Criteria criteria = criteria(query);
        return engine.database().inAutoCommit(c -> engine.store().count(c, criteria.workflow(), query.status(),
                criteria.entityType(), criteria.entityId()));
    }

    /** A query's criteria as stored. */
    private record Criteria(String workflow, String entityType, String entityId) {
    }

    private Criteria criteria(RunQuery query) {
        Objects.requireNonNull(query, "query");
        return new Criteria(
                query.workflowClass() != null ? engine.registry().of(query.workflowClass()).name() : query.workflowName(),
                query.entityType() == null ? null : storedEntityType(query.entityType()),
                query.entityId() == null ? null : String.valueOf(query.entityId()));
    }

    /** Runs are stored under the entity class that declares the events (a subclass's too). */
    private String storedEntityType(Class<?> entityClass) {
        EntityEvents<?> descriptor = events.descriptorFor(entityClass);
        return descriptor == null ? entityClass.getName() : descriptor.entityType().getName();
    }

    @Override
    public Page<StepExecution> history(String runId, PageRequest page) {
        Objects.requireNonNull(runId, "runId");
        long after = Pages.afterId(page);
        List<StepHistoryStore.HistoryRow> rows = engine.database().inAutoCommit(c ->
                StepHistoryStore.page(c, runId, after, page.limit() + 1));
        Page<StepHistoryStore.HistoryRow> keyed = Pages.of(rows, page, row -> Pages.idCursor(row.id()));
        return new Page<>(keyed.items().stream().map(StepHistoryStore.HistoryRow::execution).toList(), keyed.nextCursor(),
                keyed.limit());
    }
}
