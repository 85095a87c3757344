package dev.aifirst.internal.agents;

import dev.aifirst.agents.AgentDecision;
import dev.aifirst.agents.AgentStatus;
import dev.aifirst.agents.JournalKind;
import dev.aifirst.events.EventContext;
import dev.aifirst.internal.events.EventContexts;
import dev.aifirst.internal.events.EventReference;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.persistence.DatabaseFailures;
import dev.aifirst.internal.persistence.SessionTransactions;
import dev.aifirst.spi.AgentDefinition;
import dev.aifirst.spi.AgentHandler;
import dev.aifirst.spi.AgentInputs;
import dev.aifirst.spi.Instances;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes {@value AgentTask#NAME}: the agent's due work, one piece per transaction with the agent's
 * row locked (so two turns of one agent never overlap, whichever node runs them): its due events, each
 * with its handler (a debounced handler's whole batch at once), and its heartbeat. Each piece commits
 * the context, the inbox and the journal together; a piece that throws commits nothing and is
 * recorded by {@link AgentFailures}. When nothing is due, the turn schedules the agent's next one.
 */
final class AgentTurn {

    /** Pieces of work a turn runs before it lets other work go first. */
    static final int BURST = 50;

    private static final Logger LOG = LoggerFactory.getLogger(AgentTurn.class);

    /** What one piece of the turn did. */
    private enum Outcome { WORKED, FAILED, DONE }

    private final AgentRegistry registry;
    private final AgentStore agents;
    private final InboxStore inbox;
    private final JournalStore journal;
    private final AgentLifecycle lifecycle;
    private final AgentFailures failures;
    private final EventContexts events;
    private final Database database;
    private final SessionTransactions transactions;
    private final Instances instances;
    private final Clock clock;

    AgentTurn(AgentRegistry registry, AgentStore agents, InboxStore inbox, JournalStore journal,
            AgentLifecycle lifecycle, AgentFailures failures, EventContexts events, Database database,
            SessionTransactions transactions, Instances instances, Clock clock) {
        this.registry = registry;
        this.agents = agents;
        this.inbox = inbox;
        this.journal = journal;
        this.lifecycle = lifecycle;
        this.failures = failures;
        this.events = events;
        this.database = database;
        this.transactions = transactions;
        this.instances = instances;
        this.clock = clock;
    }

    /** What a failed piece was, for {@link AgentFailures} to record once its transaction rolled back. */
    static final class Piece {
        List<InboxStore.Item> items = List.of();
        boolean heartbeat;
        Memory memory;
    }

    void execute(AgentTask.Instance instance) {
        for (int pieces = 0; pieces < BURST; pieces++) {
            Piece piece = new Piece();
            Outcome outcome;
            try {
                outcome = inTransaction((c, session) -> runOne(c, session, instance, piece));
            } catch (RuntimeException failure) {
                if (DatabaseFailures.isTransient(failure) || (piece.items.isEmpty() && !piece.heartbeat)) {
                    throw failure; // the database, or our own bookkeeping: the execution is tried again
                }
                Throwable cause = failure instanceof SessionTransactions.UserCodeFailure user ? user.failure()
                        : failure instanceof CallFailure call ? call.getCause() : failure;
                failures.record(instance, piece, cause);
                outcome = Outcome.FAILED;
            }
            if (outcome == Outcome.DONE) {
                return;
            }
        }
        // A long backlog: the rest waits for a new execution, due now, so that other work goes first.
        database.inTransaction(c -> {
            AgentRow agent = agents.lock(c, instance.agentId());
            if (agent != null && agent.lease == instance.lease() && agent.status == AgentStatus.ACTIVE) {
                agent.wakeAt = null;
                lifecycle.wake(c, agent, clock.instant());
            }
            return null;
        });
    }

    /** One piece of due work, or the scheduling of the next turn when nothing is due. */
    private Outcome runOne(Connection c, Session session, AgentTask.Instance instance, Piece piece) throws Exception {
        AgentRow agent = agents.lock(c, instance.agentId());
        if (agent == null || agent.lease != instance.lease() || agent.status != AgentStatus.ACTIVE) {
            return Outcome.DONE; // stale: replaced by an earlier execution, or finished
        }
        Instant now = clock.instant();
        AgentDefinition<?> definition = registry.named(agent.name);
        InboxStore.Item item = inbox.firstDue(c, agent.id, now);
        boolean heartbeatDue = agent.nextHeartbeatAt != null && !agent.nextHeartbeatAt.isAfter(now);
        if (definition == null && (item != null || heartbeatDue)) {
            LOG.error("{} has due work, but no agent named '{}' is deployed; it waits", agent, agent.name);
            return Outcome.DONE;
        }
        if (item != null && (!heartbeatDue || !agent.nextHeartbeatAt.isBefore(item.dueAt()))) {
            handle(c, session, agent, definition, item, now, piece);
            return Outcome.WORKED;
        }
        if (heartbeatDue) {
            heartbeat(c, agent, definition, now, piece);
            return Outcome.WORKED;
        }
        lifecycle.scheduleNext(c, agent);
        return Outcome.DONE;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(Connection c, Session session, AgentRow agent, AgentDefinition definition,
            InboxStore.Item item, Instant now, Piece piece) throws Exception {
        AgentHandler handler = AgentRegistry.handler(definition, item.handler());
        if (handler == null) {
            skip(c, agent, List.of(item), "the handler " + item.handler() + " no longer exists", now);
            return;
        }
        List<InboxStore.Item> items = handler.debounced() ? inbox.dueOf(c, agent.id, handler.method(), now)
                : List.of(item);
        piece.items = items;
        piece.memory = new Memory(agent.id, c, journal, now);
        List<EventReference> references = new ArrayList<>();
        List<EventContext<?>> received = new ArrayList<>();
        for (InboxStore.Item routed : items) {
            EventReference reference = RoutedEvents.read(routed.event());
            references.add(reference);
            received.add(session == null ? null : events.ofReference(reference, session));
        }
        Object context = definition.decodeContext(agent.context);
        AgentInputs inputs = new AgentInputs(received, piece.memory);
        String what = handler.method() + " with " + String.join(", ", references.stream().map(RoutedEvents::describe).toList());
        if (!definition.when(handler.method(), context, inputs, instances)) {
            skip(c, agent, items, "its 'when' was false", now);
            return;
        }
        AgentDecision decision = definition.handle(handler.method(), context, inputs, instances);
        if (session != null) {
            session.flush();
        }
        for (InboxStore.Item routed : items) {
            inbox.close(c, routed.id(), InboxStore.Status.DONE, routed.attempts() + 1, null, now);
        }
        List<JournalStore.Draft> entries = new ArrayList<>();
        entries.add(new JournalStore.Draft(JournalKind.HANDLED, what));
        entries.addAll(piece.memory.drafts());
        conclude(c, agent, definition, context, decision, entries, now);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void heartbeat(Connection c, AgentRow agent, AgentDefinition definition, Instant now, Piece piece)
            throws Exception {
        piece.heartbeat = true;
        piece.memory = new Memory(agent.id, c, journal, now);
        Object context = definition.decodeContext(agent.context);
        agent.nextHeartbeatAt = nextHeartbeat(agent, definition, now);
        AgentDecision decision = definition.act(context, piece.memory, instances);
        conclude(c, agent, definition, context, decision, piece.memory.drafts(), now);
    }

    /** The next heartbeat: one interval on, or, after a long pause (the runtime was down), one interval from now. */
    static Instant nextHeartbeat(AgentRow agent, AgentDefinition<?> definition, Instant now) {
        Instant next = agent.nextHeartbeatAt.plus(definition.heartbeat());
        return next.isAfter(now) ? next : now.plus(definition.heartbeat());
    }

    /** Commits a call's outcome: the context and its keys, the journal, and the agent's end if it decided so. */
    private void conclude(Connection c, AgentRow agent, AgentDefinition<?> definition, Object context,
            AgentDecision decision, List<JournalStore.Draft> entries, Instant now) throws Exception {
        lifecycle.saveContext(c, agent, definition, context, now);
        List<JournalStore.Draft> all = new ArrayList<>(entries);
        if (decision == null) {
            decision = AgentDecision.carryOn();
        }
        if (!decision.finish() && !decision.reason().isEmpty()) {
            all.add(new JournalStore.Draft(JournalKind.DECISION, decision.reason()));
        }
        journal.append(c, agent.id, all, now);
        if (decision.finish()) {
            lifecycle.finish(c, agent, decision.reason(), now);
            LOG.info("{} finished: {}", agent, decision.reason());
        }
    }

    private void skip(Connection c, AgentRow agent, List<InboxStore.Item> items, String why, Instant now)
            throws Exception {
        for (InboxStore.Item item : items) {
            inbox.close(c, item.id(), InboxStore.Status.SKIPPED, item.attempts(), why, now);
            journal.append(c, agent.id, JournalKind.SKIPPED, item.handler() + " skipped "
                    + RoutedEvents.describe(RoutedEvents.read(item.event())) + ": " + why, now);
        }
    }

    /** Work with the agent's row, in a transaction of the application's Hibernate setup when there is one. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c, Session session) throws Exception;
    }

    private <T> T inTransaction(Work<T> work) {
        if (transactions.available()) {
            return transactions.inTransaction(session -> work.run(SessionTransactions.connection(session), session));
        }
        return database.inTransaction(c -> {
            try {
                return work.run(c, null);
            } catch (RuntimeException | java.sql.SQLException e) {
                throw e;
            } catch (Exception e) {
                throw new CallFailure(e);
            }
        });
    }

    /** Carries a checked exception of the agent's code out of a JDBC transaction. */
    private static final class CallFailure extends RuntimeException {
        CallFailure(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
