package dev.aifirst.internal.workflows;

import dev.aifirst.Page;
import dev.aifirst.PageRequest;
import dev.aifirst.internal.events.EventRegistry;
import dev.aifirst.internal.persistence.Pages;
import dev.aifirst.spi.EntityEvents;
import dev.aifirst.spi.WorkflowDefinition;
import dev.aifirst.workflows.RunQuery;
import dev.aifirst.workflows.StepExecution;
import dev.aifirst.workflows.WorkflowRun;
import dev.aifirst.workflows.Workflows;
import java.util.List;
import java.util.Objects;

/** {@code runtime.workflows()}: each call one transaction (or one statement), then a wake-up of the scheduler. */
public final class RuntimeWorkflows implements Workflows {

    private final WorkflowEngine engine;
    private final EventRegistry events;

    public RuntimeWorkflows(WorkflowEngine engine, EventRegistry events) {
        this.engine = engine;
        this.events = events;
    }

    @Override
    public String start(Class<?> workflowClass, Object context) {
        WorkflowDefinition<?> definition = engine.registry().of(workflowClass);
        Objects.requireNonNull(context, "context");
        if (!definition.contextType().isInstance(context)) {
            throw new IllegalArgumentException("The context of " + workflowClass.getSimpleName() + " is a "
                    + definition.contextType().getName() + ", not a " + context.getClass().getName());
        }
        String id = engine.starter().startNow(definition, context);
        engine.wakeUp();
        return id;
    }

    @Override
    public int signal(String name, Object payload) {
        Objects.requireNonNull(name, "name");
        int woken = engine.database().inTransaction(c -> engine.control().broadcast(c, name, payload));
        engine.wakeUp();
        return woken;
    }

    @Override
    public boolean signal(String runId, String name, Object payload) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(name, "name");
        boolean woken = engine.database().inTransaction(c -> engine.control().signal(c, runId, name, payload));
        engine.wakeUp();
        return woken;
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
    public Page<WorkflowRun> children(String runId, PageRequest page) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(page, "page");
        Pages.TimeKey after = Pages.afterTime(page);
        List<RunRow> rows = engine.database().inAutoCommit(c -> engine.store().childrenOf(c, runId, after,
                page.limit() + 1));
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
