package dev.aifirst.workflows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.aifirst.Flow;
import dev.aifirst.events.ClaimStore;
import dev.aifirst.events.Claims;
import dev.aifirst.events.EventContext;
import dev.aifirst.events.EventEngine;
import dev.aifirst.events.EventSubscriber;
import dev.aifirst.persistence.Database;
import dev.aifirst.scheduling.Executions;
import dev.aifirst.scheduling.Scheduling;
import dev.aifirst.spi.ContextCodec;
import dev.aifirst.spi.Instances;
import dev.aifirst.spi.RetryPolicy;
import dev.aifirst.spi.StepDeclaration;
import dev.aifirst.spi.StepInputs;
import dev.aifirst.spi.WaitDeclaration;
import dev.aifirst.spi.WorkflowDefinition;
import dev.langchain4j.model.chat.ChatModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs workflow runs on db-scheduler.
 *
 * <p>A run that is ready holds one execution of the task {@value #TASK}, with instance id
 * {@code <runId>#<lease>}: its lease. The worker that picks it runs step after step in a loop; each
 * transition (the run's new state, a history row, and any execution to schedule) commits in one
 * transaction, guarded by the run's sequence number so that a stale worker can never commit. The run
 * goes back to the scheduler's table only to sleep, wait, back off before a retry, or yield after
 * {@value #BURST} steps. If the node dies, db-scheduler's dead-execution detection hands the
 * execution to another node, which resumes at the last committed step: a step may run again, a
 * transition never happens twice.
 *
 * <p>A step method runs outside the transition's transaction, so a slow step holds no database
 * transaction; a step that receives an {@code EventContext} runs inside a Hibernate transaction of
 * its own, in which its entity is loaded.
 */
public final class WorkflowEngine {

    /** The db-scheduler task that runs workflow steps. */
    public static final String TASK = "aif-workflow";
    /** Steps a worker runs in a row before it lets other work go first. */
    static final int BURST = 50;

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowEngine.class);

    private final Database database;
    private final Clock clock;
    private final EventEngine events;
    private final Instances instances;
    private final ChatModel chatModel;
    private final RunStore store;
    private final Map<String, WorkflowDefinition<?>> byName = new LinkedHashMap<>();
    private final Map<Class<?>, WorkflowDefinition<?>> byType = new LinkedHashMap<>();
    /** The events some step waits for (declared names, templates, renderings). */
    private final Set<String> awaitedEvents = new HashSet<>();
    private volatile Scheduling scheduling;

    @SuppressWarnings("rawtypes")
    public WorkflowEngine(Database database, Clock clock, EventEngine events, Instances instances, ChatModel chatModel,
            ClassLoader classLoader) {
        this.database = database;
        this.clock = clock;
        this.events = events;
        this.instances = instances;
        this.chatModel = chatModel;
        this.store = new RunStore(database.dialect());
        for (WorkflowDefinition definition : ServiceLoader.load(WorkflowDefinition.class, classLoader)) {
            WorkflowDefinition<?> previous = byName.putIfAbsent(definition.name(), definition);
            if (previous != null) {
                throw new IllegalStateException("Two workflows are named '" + definition.name() + "': "
                        + previous.workflowType().getName() + " and " + definition.workflowType().getName());
            }
            byType.put(definition.workflowType(), definition);
            for (StepDeclaration step : (List<StepDeclaration>) definition.steps()) {
                if (step.waitForEvent() != null) {
                    awaitedEvents.add(step.waitForEvent().event());
                }
            }
        }
        for (WorkflowDefinition<?> definition : byName.values()) {
            if (!definition.triggerEvent().isEmpty()) {
                events.subscribe(new StartOnEvent(definition));
            }
        }
        if (!awaitedEvents.isEmpty()) {
            events.observe(this::eventOccurred);
        }
    }

    public List<Task<?>> tasks() {
        return List.of(Tasks.oneTime(TASK).execute((instance, context) -> execute(instance.getId())));
    }

    public void start(Scheduling scheduling) {
        this.scheduling = scheduling;
        LOG.info("AI-First workflows: {} deployed", byName.size());
    }

    void wakeUp() {
        Scheduling current = scheduling;
        if (current != null) {
            current.wakeUp();
        }
    }

    Database database() {
        return database;
    }

    RunStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    WorkflowDefinition<?> definitionOf(Class<?> workflowClass) {
        WorkflowDefinition<?> definition = byType.get(workflowClass);
        if (definition == null) {
            throw new IllegalArgumentException(workflowClass.getName() + " is not a deployed @Workflow (is the"
                    + " processor on the compiler's annotationProcessorPaths?)");
        }
        return definition;
    }

    // ---- starting runs -----------------------------------------------------------------------

    /** Adds a run that starts at {@code at}, and its first execution; in the caller's transaction. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    RunRow insertRun(Connection c, WorkflowDefinition definition, Object context, String entityType, String entityId,
            String input, String parentId, String parentStep, Instant at) throws SQLException {
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
        store.insertWithExecution(c, run, TASK, instance(run), at);
        return run;
    }

    /** Starts a run of {@code definition} now, by hand; returns its id. */
    String startNow(WorkflowDefinition<?> definition, Object context) {
        Database.TransactionWork<String> insert = c -> insertRun(c, definition, context, null, null, null, null,
                null, clock.instant()).id;
        // The run and its execution are one statement where the database allows: no transaction needed.
        String id = store.writesInOneStatement() ? database.inAutoCommit(insert) : database.inTransaction(insert);
        wakeUp();
        return id;
    }

    /** Starts a run of {@code definition} when its event occurs, in the delivery's transaction. */
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
            return new RetryPolicy(5, Duration.ofSeconds(5), 2.0, Duration.ofHours(1));
        }

        @Override
        public void deliver(EventContext<?> event, Session session) throws Exception {
            Connection c = EventEngine.connection(session);
            Instant now = clock.instant();
            String entityType = EventEngine.entityTypeOf(event);
            Duration debounce = definition.debounce();
            if (!debounce.isZero()) {
                List<RunRow> pending = store.query(c, "workflow = ? AND entity_type = ? AND entity_id = ?"
                        + " AND debounce_until > ?", definition.name(), entityType, event.entityId(),
                        Executions.timestamp(now));
                if (!pending.isEmpty()) {
                    LOG.debug("{} joins {} (debounced)", event, pending.get(0));
                    return;
                }
            }
            Object context = definition.createContext(event, instances);
            Instant at = debounce.isZero() ? now : now.plus(debounce);
            RunRow run = insertRun(c, definition, context, entityType, event.entityId(), Inputs.event(event, entityType),
                    null, null, at);
            if (!debounce.isZero()) {
                run.debounceUntil = at;
                store.update(c, run, run.seq);
            }
            LOG.debug("{} started by {}", run, event);
        }
    }

    // ---- waking runs that wait for events -----------------------------------------------------

    /** Wakes the runs waiting at a {@code @WaitForEvent} step for this occurrence; in its transaction. */
    private void eventOccurred(EventContext<?> event, String claimedBy, Session session) throws SQLException {
        if (!awaitedEvents.contains(event.name()) && !awaitedEvents.contains(event.declaredName())) {
            return;
        }
        Connection c = EventEngine.connection(session);
        String entityType = EventEngine.entityTypeOf(event);
        Instant now = clock.instant();
        List<RunRow> waiting = store.query(c, "status = 'WAITING' AND wait_kind = 'EVENT' AND waiting_for IN (?, ?)"
                + " ORDER BY created_at FOR UPDATE", event.name(), event.declaredName());
        for (RunRow run : waiting) {
            boolean own = run.matchValue != null
                    ? run.matchValue.equals(event.entityId())
                    : entityType.equals(run.entityType) && event.entityId().equals(run.entityId);
            if (!own || (claimedBy != null && !claimedBy.equals(claimHolder(run)))) {
                continue; // another entity's event, or one that another run has claimed
            }
            long seq = run.seq;
            Executions.remove(c, TASK, instance(run));
            run.status = RunStatus.RUNNING;
            run.clearWait();
            run.input = Inputs.event(event, entityType);
            run.lease++;
            run.updatedAt = now;
            if (store.update(c, run, seq)) {
                Executions.add(c, database.dialect(), TASK, instance(run), now);
                LOG.debug("{} woken by {}", run, event);
            }
        }
    }

    // ---- running steps ------------------------------------------------------------------------

    static String instance(RunRow run) {
        return run.id + "#" + run.lease;
    }

    /** Executes {@value #TASK}: runs the run's steps until it must wait, or yields. */
    void execute(String instance) {
        int hash = instance.lastIndexOf('#');
        String runId = instance.substring(0, hash);
        int lease = Integer.parseInt(instance.substring(hash + 1));
        RunRow run = database.inAutoCommit(c -> store.find(c, runId, false));
        if (run == null || run.lease != lease || run.status.ended()) {
            return; // a stale execution: the run moved on, was cancelled, or ended
        }
        // From here on, each committed transition updates 'run' in place; a transition that finds the
        // run changed by someone else (a cancel, a signal) commits nothing and ends this loop.
        for (int transitions = 0; ; transitions++) {
            Instant now = clock.instant();
            if (run.status == RunStatus.WAITING || run.status == RunStatus.SLEEPING) {
                if (run.wakeAt == null || run.wakeAt.isAfter(now)) {
                    return; // woken early (a clock difference between nodes): its execution is still due later
                }
                if (run.status == RunStatus.WAITING) {
                    if (!timeOut(run, now)) {
                        return;
                    }
                    continue;
                }
            }
            if (transitions >= BURST) {
                yieldWorker(run, now);
                return;
            }
            if (!runStep(run)) {
                return;
            }
        }
    }

    /** Runs the run's current step and commits where it leads; whether the run goes on in this worker. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean runStep(RunRow run) {
        WorkflowDefinition definition = byName.get(run.workflow);
        if (definition == null) {
            return failWithoutStep(run, "no workflow named '" + run.workflow + "' is deployed");
        }
        WorkflowStep step = definition.step(run.step);
        if (step == null) {
            return failWithoutStep(run, run.version == definition.version()
                    ? "workflow '" + run.workflow + "' has no step '" + run.step + "'"
                    : "step '" + run.step + "' of workflow '" + run.workflow + "' version " + run.version
                            + " no longer exists in the deployed version " + definition.version());
        }
        StepDeclaration declaration = declarationOf(definition, step);
        Object context = definition.decodeContext(run.context);
        WaitDeclaration wait = declaration.waitForEvent();
        if (wait != null && !Inputs.isEvent(run.input)) {
            return startWaitingForEvent(run, definition, step, wait, context);
        }
        Instant startedAt = clock.instant();
        Flow flow = null;
        Exception failure = null;
        Object childContext = null;
        RunStepContext stepContext = new RunStepContext(run);
        try {
            StepInputs inputs = new StepInputs(null, Inputs.signal(run.input), Inputs.subflow(run.input), stepContext);
            if (Inputs.isEvent(run.input) && events.hasEntityManagerFactory()) {
                JsonNode ref = Inputs.read(run.input);
                flow = Claims.heldBy(stepContext, () -> events.inSession(session -> {
                    EventContext<?> event = events.contextOf(ref.get("entityType").asText(), ref.get("entityId").asText(),
                            ref.get("name").asText(), ref.get("declaredName").asText(), ref.get("namespace").asText(),
                            Instant.parse(ref.get("occurredAt").asText()), session);
                    return definition.execute(step, context,
                            new StepInputs(event, inputs.signal(), inputs.subflow(), inputs.stepContext()), instances);
                }));
            } else {
                flow = Claims.heldBy(stepContext, () -> definition.execute(step, context, inputs, instances));
            }
            if (flow == null) {
                throw new IllegalStateException("step " + run.step + " returned null; return a Flow such as complete()");
            }
            if (flow.next() != null && flow.next().getClass() != definition.startStep().getClass()) {
                throw new IllegalStateException(flow + " names a step of another workflow; step " + run.step + " of '"
                        + run.workflow + "' may only go to its own steps");
            }
            if (flow.kind() == Flow.Kind.RUN_SUBFLOW) {
                definitionOf(flow.subflow());
                childContext = flow.childContext().get();
            }
        } catch (EventEngine.HandlerFailure e) {
            failure = e.getCause() instanceof Exception cause ? cause : e;
        } catch (Exception e) {
            failure = e;
        }
        Instant endedAt = clock.instant();
        if (failure != null) {
            return stepFailed(run, definition, declaration, context, failure, startedAt, endedAt);
        }
        if (flow.kind() == Flow.Kind.FAIL) {
            WorkflowFailure reason = new WorkflowFailure(run.step, run.attempt, "fail", flow.reason(), "", endedAt);
            callOnFail(definition, context, reason);
        }
        return commitFlow(run, definition, declaration, context, flow, childContext, stepContext.claimChanges,
                startedAt, endedAt);
    }

    private StepDeclaration declarationOf(WorkflowDefinition<?> definition, WorkflowStep step) {
        for (StepDeclaration declaration : definition.steps()) {
            if (declaration.step() == step) {
                return declaration;
            }
        }
        throw new IllegalStateException(definition.name() + " declares no step " + step.stepName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean commitFlow(RunRow run, WorkflowDefinition definition, StepDeclaration declaration, Object context,
            Flow flow, Object childContext, List<ClaimChange> claimChanges, Instant startedAt, Instant endedAt) {
        // A goTo, and the end of a run without parent or claims, write the run's state and its history
        // row and nothing else: where that is one statement, it commits on its own.
        boolean ends = flow.kind() == Flow.Kind.COMPLETE || flow.kind() == Flow.Kind.FAIL;
        boolean oneStatement = store.writesInOneStatement() && claimChanges.isEmpty()
                && (flow.kind() == Flow.Kind.GO_TO || ends && run.parentId == null && !run.holdsClaims);
        return commit(oneStatement, c -> {
            long seq = run.seq;
            Instant now = clock.instant();
            RunStore.History history = new RunStore.History(run.step, run.attempt, startedAt, endedAt, flow.toString(),
                    null, flow.progress(), declaration.display());
            run.context = definition.encodeContext(context);
            run.input = null;
            run.attempt = 1;
            run.updatedAt = now;
            run.clearWait();
            boolean goOn = false;
            switch (flow.kind()) {
                case GO_TO -> {
                    run.status = RunStatus.RUNNING;
                    run.step = flow.next().stepName();
                    if (flow.progress() != null) {
                        run.progress = flow.progress();
                    }
                    goOn = true;
                }
                case SLEEP -> {
                    run.status = RunStatus.SLEEPING;
                    run.wakeAt = now.plus(flow.duration());
                    run.lease++;
                }
                case WAIT_FOR_SIGNAL -> {
                    run.status = RunStatus.WAITING;
                    run.waitKind = RunRow.WaitKind.SIGNAL;
                    run.waitingFor = flow.signal();
                    run.timeoutStep = flow.next().stepName();
                    run.wakeAt = now.plus(flow.duration());
                    run.lease++;
                }
                case COMPLETE -> {
                    run.status = RunStatus.COMPLETED;
                    run.result = flow.result() == null ? null : json(flow.result());
                    run.progress = 1.0;
                }
                case FAIL -> {
                    run.status = RunStatus.FAILED;
                    run.error = "fail: " + flow.reason();
                }
                case RUN_SUBFLOW -> {
                    WorkflowDefinition child = definitionOf(flow.subflow());
                    RunRow childRun = insertRun(c, child, childContext, run.entityType, run.entityId, null, run.id,
                            flow.next().stepName(), now);
                    run.status = RunStatus.WAITING;
                    run.waitKind = RunRow.WaitKind.SUBFLOW;
                    run.waitingFor = childRun.id;
                    run.lease++;
                }
            }
            if (claimChanges.stream().anyMatch(ClaimChange::hold)) {
                run.holdsClaims = true;
            }
            if (!store.updateWithHistory(c, run, seq, history)) {
                throw new StaleRun();
            }
            for (ClaimChange change : claimChanges) {
                change.apply(c, events.claims(), claimHolder(run), now);
            }
            if (run.wakeAt != null) {
                Executions.add(c, database.dialect(), TASK, instance(run), run.wakeAt);
            }
            if (run.status.ended()) {
                ended(c, run, now);
            }
            return goOn;
        }, run);
    }

    private boolean stepFailed(RunRow run, WorkflowDefinition<?> definition, StepDeclaration declaration,
            Object context, Exception failure, Instant startedAt, Instant endedAt) {
        RetryPolicy retry = declaration.retry();
        String error = failure.getClass().getName() + ": " + failure.getMessage();
        boolean again = retry.allowsAttemptAfter(run.attempt);
        if (!again) {
            WorkflowFailure reason = new WorkflowFailure(run.step, run.attempt, failure.getClass().getName(),
                    String.valueOf(failure.getMessage()), stackTrace(failure), endedAt);
            callOnFail(definition, context, reason);
            LOG.error("{} failed for good after {} attempts", run, run.attempt, failure);
        } else {
            LOG.warn("{} failed (attempt {} of {}), retrying in {}: {}", run, run.attempt, retry.maxAttempts(),
                    retry.delayAfter(run.attempt), error);
        }
        return inTransaction(c -> {
            long seq = run.seq;
            Instant now = clock.instant();
            store.addStep(c, run.id, run.step, run.attempt, startedAt, endedAt, "FAILED", error, null,
                    declaration.display());
            run.updatedAt = now;
            if (again) {
                run.status = RunStatus.SLEEPING;
                run.wakeAt = now.plus(retry.delayAfter(run.attempt));
                run.attempt++;
                run.lease++;
            } else {
                run.status = RunStatus.FAILED;
                run.error = error;
                run.clearWait();
            }
            if (!store.update(c, run, seq)) {
                throw new StaleRun();
            }
            if (again) {
                Executions.add(c, database.dialect(), TASK, instance(run), run.wakeAt);
            } else {
                ended(c, run, now);
            }
            return false;
        }, run);
    }

    private boolean startWaitingForEvent(RunRow run, WorkflowDefinition<Object> definition, WorkflowStep step,
            WaitDeclaration wait, Object context) {
        return inTransaction(c -> {
            long seq = run.seq;
            Instant now = clock.instant();
            Object match = definition.matchValue(step, context);
            run.status = RunStatus.WAITING;
            run.waitKind = RunRow.WaitKind.EVENT;
            run.waitingFor = wait.event();
            run.matchValue = match == null ? null : String.valueOf(match);
            run.timeoutStep = wait.onTimeout() == null ? null : wait.onTimeout().stepName();
            run.wakeAt = wait.timeout() == null ? null : now.plus(wait.timeout());
            run.input = null;
            run.lease++;
            run.updatedAt = now;
            if (!store.update(c, run, seq)) {
                throw new StaleRun();
            }
            if (run.wakeAt != null) {
                Executions.add(c, database.dialect(), TASK, instance(run), run.wakeAt);
            }
            return false;
        }, run);
    }

    /** A wait's time is up: the run goes to its timeout step (or fails without one). */
    private boolean timeOut(RunRow run, Instant now) {
        WorkflowDefinition<?> definition = byName.get(run.workflow);
        String display = "";
        if (definition != null && definition.step(run.step) != null) {
            display = declarationOf(definition, definition.step(run.step)).display();
        }
        String waitedFor = run.waitKind == RunRow.WaitKind.SIGNAL ? "signal " + run.waitingFor : "event " + run.waitingFor;
        String outcome = "TIMED_OUT waiting for " + waitedFor;
        String finalDisplay = display;
        return inTransaction(c -> {
            long seq = run.seq;
            store.addStep(c, run.id, run.step, run.attempt, run.updatedAt, now, outcome, null, null, finalDisplay);
            run.updatedAt = now;
            boolean goOn;
            if (run.timeoutStep == null) {
                run.status = RunStatus.FAILED;
                run.error = "timed out waiting for " + waitedFor;
                goOn = false;
            } else {
                run.status = RunStatus.RUNNING;
                run.step = run.timeoutStep;
                run.attempt = 1;
                goOn = true;
            }
            run.clearWait();
            run.input = null;
            if (!store.update(c, run, seq)) {
                throw new StaleRun();
            }
            if (run.status.ended()) {
                ended(c, run, now);
            }
            return goOn;
        }, run);
    }

    private boolean failWithoutStep(RunRow run, String error) {
        LOG.error("{} failed: {}", run, error);
        return inTransaction(c -> {
            long seq = run.seq;
            Instant now = clock.instant();
            store.addStep(c, run.id, run.step, run.attempt, now, now, "FAILED", error, null, "");
            run.status = RunStatus.FAILED;
            run.error = error;
            run.clearWait();
            run.updatedAt = now;
            if (!store.update(c, run, seq)) {
                throw new StaleRun();
            }
            ended(c, run, now);
            return false;
        }, run);
    }

    /** Hands the run back to the scheduler, due now, so that other runs get a worker too. */
    private void yieldWorker(RunRow run, Instant now) {
        inTransaction(c -> {
            long seq = run.seq;
            run.lease++;
            run.updatedAt = now;
            if (!store.update(c, run, seq)) {
                throw new StaleRun();
            }
            Executions.add(c, database.dialect(), TASK, instance(run), now);
            return false;
        }, run);
    }

    /** A run ended: its claims end with it, and its parent, if it waits for it, resumes. */
    void ended(Connection c, RunRow run, Instant now) throws SQLException {
        if (run.holdsClaims) {
            events.claims().releaseAll(c, claimHolder(run));
        }
        resumeParent(c, run, now);
    }

    /** How a run is named as the holder of its {@link Claims claims}. */
    static String claimHolder(RunRow run) {
        return "workflow:" + run.id;
    }

    /** A child run ended: its parent, waiting for it, resumes at its {@code onComplete} step. */
    void resumeParent(Connection c, RunRow child, Instant now) throws SQLException {
        if (child.parentId == null) {
            return;
        }
        RunRow parent = store.find(c, child.parentId, true);
        if (parent == null || parent.status != RunStatus.WAITING || parent.waitKind != RunRow.WaitKind.SUBFLOW
                || !child.id.equals(parent.waitingFor)) {
            return;
        }
        long seq = parent.seq;
        parent.status = RunStatus.RUNNING;
        parent.step = child.parentStep;
        parent.attempt = 1;
        parent.clearWait();
        parent.input = Inputs.subflow(child);
        parent.lease++;
        parent.updatedAt = now;
        if (store.update(c, parent, seq)) {
            Executions.add(c, database.dialect(), TASK, instance(parent), now);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void callOnFail(WorkflowDefinition definition, Object context, WorkflowFailure failure) {
        try {
            definition.onFail(context, failure, instances);
        } catch (Exception e) {
            LOG.error("The @OnFail method of workflow '{}' failed too", definition.name(), e);
        }
    }

    /** Runs {@code work} in a transaction; a transition that lost a race reports {@code false}. */
    private boolean inTransaction(Database.TransactionWork<Boolean> work, RunRow run) {
        return commit(false, work, run);
    }

    /** Commits a transition: in a transaction, or as the single statement that {@code work} runs. */
    private boolean commit(boolean oneStatement, Database.TransactionWork<Boolean> work, RunRow run) {
        try {
            return oneStatement ? database.inAutoCommit(work) : database.inTransaction(work);
        } catch (StaleRun e) {
            LOG.debug("{} changed meanwhile (signal, cancel or another node); this worker stops", run);
            return false;
        }
    }

    /** Thrown inside a transition's transaction when the run changed since it was read. */
    private static final class StaleRun extends RuntimeException {
        StaleRun() {
            super("the run changed meanwhile", null, false, false);
        }
    }

    static String json(Object value) {
        try {
            return ContextCodec.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    // ---- signals and cancellation (called by Workflows) -----------------------------------------

    /** Wakes the given waiting runs with a signal, merging the payload into their contexts. */
    int signal(Connection c, List<RunRow> runs, String name, Object payload) throws SQLException {
        Instant now = clock.instant();
        ObjectNode fields = payload == null ? ContextCodec.MAPPER.createObjectNode()
                : ContextCodec.MAPPER.valueToTree(payload);
        int woken = 0;
        for (RunRow run : runs) {
            if (run.status != RunStatus.WAITING || run.waitKind != RunRow.WaitKind.SIGNAL || !name.equals(run.waitingFor)) {
                continue;
            }
            long seq = run.seq;
            Executions.remove(c, TASK, instance(run));
            ObjectNode context = (ObjectNode) Inputs.read(run.context);
            fields.fieldNames().forEachRemaining(field -> {
                if (context.has(field)) {
                    context.set(field, fields.get(field));
                }
            });
            run.context = context.toString();
            run.status = RunStatus.RUNNING;
            run.clearWait();
            run.input = Inputs.signal(name, fields);
            run.lease++;
            run.updatedAt = now;
            if (store.update(c, run, seq)) {
                Executions.add(c, database.dialect(), TASK, instance(run), now);
                woken++;
            }
        }
        return woken;
    }

    /** Cancels a run (and the children it waits for); whether it was still going. */
    boolean cancel(Connection c, String runId, boolean resumeParent) throws SQLException {
        RunRow run = store.find(c, runId, true);
        if (run == null || run.status.ended()) {
            return false;
        }
        Instant now = clock.instant();
        long seq = run.seq;
        Executions.remove(c, TASK, instance(run));
        store.addStep(c, run.id, run.step, run.attempt, now, now, "CANCELLED", null, null, "");
        run.status = RunStatus.CANCELLED;
        run.error = "cancelled";
        run.clearWait();
        run.lease++;
        run.updatedAt = now;
        store.update(c, run, seq);
        if (run.holdsClaims) {
            events.claims().releaseAll(c, claimHolder(run));
        }
        for (RunRow child : store.query(c, "parent_id = ?", run.id)) {
            if (!child.status.ended()) {
                cancel(c, child.id, false);
            }
        }
        if (resumeParent) {
            resumeParent(c, run, now);
        }
        return true;
    }

    // ---- the step context ---------------------------------------------------------------------

    /** A claim the step took or released; it takes effect when the step's transition commits. */
    private record ClaimChange(String eventName, String match, Instant expiresAt, Integer occurrences, boolean hold) {

        void apply(Connection c, ClaimStore claims, String holder, Instant now) throws SQLException {
            if (hold) {
                claims.hold(c, holder, eventName, match, expiresAt, occurrences, now);
            } else {
                claims.release(c, holder, eventName, match);
            }
        }
    }

    private final class RunStepContext implements StepContext, Claims.Holder {

        private final RunRow run;
        private final List<ClaimChange> claimChanges = new ArrayList<>();

        RunStepContext(RunRow run) {
            this.run = run;
        }

        @Override
        public String runId() {
            return run.id;
        }

        @Override
        public String step() {
            return run.step;
        }

        @Override
        public int attempt() {
            return run.attempt;
        }

        @Override
        public ChatModel chatModel() {
            if (chatModel == null) {
                throw new IllegalStateException("step " + run.step + " of '" + run.workflow + "' needs a chat model:"
                        + " configure one with AiFirst.builder().chatModel(...)");
            }
            return chatModel;
        }

        @Override
        public void hold(String eventName, String match, Duration duration, Integer occurrences) {
            if (!events.declaresEvent(eventName)) {
                throw new IllegalArgumentException("Claims.hold: no entity declares an event '" + eventName
                        + "'; name it with a constant of a generated <Entity>Events class, or one of its renderings");
            }
            Instant expiresAt = duration == null ? null : clock.instant().plus(duration);
            claimChanges.add(new ClaimChange(eventName, match, expiresAt, occurrences, true));
        }

        @Override
        public void release(String eventName, String match) {
            claimChanges.add(new ClaimChange(eventName, match, null, null, false));
        }

        @Override
        public <T> T remember(String key, Class<T> type, Supplier<T> call) {
            String memoKey = run.step + ":" + key;
            String[] stored = database.inTransaction(c -> store.hasMemo(c, run.id, memoKey)
                    ? new String[] {store.memo(c, run.id, memoKey)}
                    : null);
            if (stored != null) {
                return stored[0] == null ? null : Inputs.convert(stored[0], type);
            }
            T value = call.get();
            database.inTransaction(c -> {
                store.addMemo(c, run.id, memoKey, value == null ? null : json(value), clock.instant());
                return null;
            });
            return value;
        }
    }

    List<RunRow> query(String where, Object... parameters) {
        return database.inTransaction(c -> store.query(c, where, parameters));
    }

    List<StepExecution> history(String runId) {
        return database.inTransaction(c -> store.history(c, runId));
    }

    static List<WorkflowRun> records(List<RunRow> rows) {
        List<WorkflowRun> records = new ArrayList<>();
        for (RunRow row : rows) {
            records.add(row.toRecord());
        }
        return records;
    }
}
