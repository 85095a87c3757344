package dev.aifirst.internal.agents;

import dev.aifirst.agents.AgentStatus;
import dev.aifirst.agents.JournalKind;
import dev.aifirst.internal.scheduling.Executions;
import dev.aifirst.spi.AgentDefinition;
import dev.aifirst.spi.AgentHandler;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The changes of an agent's life that several paths share, each in the caller's transaction with the
 * agent's row locked: spawning it, putting an event in its inbox, keeping its execution due at its
 * next work, saving its context with its routing keys, and finishing it.
 */
final class AgentLifecycle {

    /** What a spawn did: the agent, and whether it is new (else a singleton that was already there). */
    record Spawned(AgentRow agent, boolean created) {
    }

    private final AgentStore agents;
    private final InboxStore inbox;
    private final JournalStore journal;
    private final Executions executions;
    private final Consumer<Instant> alarm;

    AgentLifecycle(AgentStore agents, InboxStore inbox, JournalStore journal, Executions executions, Consumer<Instant> alarm) {
        this.agents = agents;
        this.inbox = inbox;
        this.journal = journal;
        this.executions = executions;
        this.alarm = alarm;
    }

    /**
     * Spawns an agent of {@code definition} with {@code context}, or, for a singleton whose match an
     * active agent holds, returns that agent locked.
     *
     * @param cause how the journal tells what spawned it
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Spawned spawn(Connection c, AgentDefinition definition, Object context, String entityType, String entityId,
            String cause, Instant now) throws SQLException {
        AgentRow agent = new AgentRow();
        agent.id = UUID.randomUUID().toString();
        agent.name = definition.name();
        agent.status = AgentStatus.ACTIVE;
        agent.context = definition.encodeContext(context);
        agent.matchKey = definition.matchContext().isEmpty() ? null
                : keyOf(definition.contextKey(definition.matchContext(), context));
        agent.singletonKey = definition.singleton() ? (agent.matchKey == null ? "" : agent.matchKey) : null;
        agent.entityType = entityType;
        agent.entityId = entityId;
        agent.lease = 0;
        agent.nextHeartbeatAt = definition.heartbeat().isZero() ? null : now.plus(definition.heartbeat());
        agent.createdAt = now;
        agent.updatedAt = now;
        if (!agents.insert(c, agent)) {
            AgentRow existing = agents.lockSingleton(c, agent.name, agent.singletonKey);
            if (existing == null) {
                throw new IllegalStateException("agent " + agent.name + " for " + agent.singletonKey + " was neither"
                        + " spawned nor found active; the delivery is tried again");
            }
            return new Spawned(existing, false);
        }
        agents.writeKeys(c, agent, keys(definition, context));
        journal.append(c, agent.id, JournalKind.SPAWNED, cause, now);
        if (agent.nextHeartbeatAt != null) {
            wake(c, agent, agent.nextHeartbeatAt);
        }
        return new Spawned(agent, true);
    }

    /** Puts {@code event} in the inbox for {@code handler}, due at {@code at} (a debounced one: its window from now). */
    void deliver(Connection c, AgentRow agent, AgentHandler handler, String event, Instant at, Instant now)
            throws SQLException {
        Instant due = at;
        if (handler.debounced()) {
            due = later(at, now).plus(handler.debounce());
            inbox.postpone(c, agent.id, handler.method(), due, now);
        }
        inbox.add(c, agent.id, handler.method(), event, due, now);
        wake(c, agent, due);
    }

    /**
     * Makes the agent's execution due at {@code at} if it is not due by then already: a new lease
     * replaces the pending execution. An execution that is running keeps going and finds the work,
     * since its due moment has passed.
     */
    void wake(Connection c, AgentRow agent, Instant at) throws SQLException {
        if (agent.wakeAt != null && !at.isBefore(agent.wakeAt)) {
            return;
        }
        if (agent.wakeAt != null) {
            executions.remove(c, AgentTask.NAME, AgentTask.Instance.of(agent).id());
        }
        agent.lease++;
        agent.wakeAt = at;
        executions.add(c, AgentTask.NAME, AgentTask.Instance.of(agent).id(), at);
        agents.update(c, agent);
        alarm.accept(at);
    }

    /**
     * At the end of a turn: the next execution at the agent's next work (its earliest pending event
     * or its heartbeat), or none.
     */
    void scheduleNext(Connection c, AgentRow agent) throws SQLException {
        Instant next = inbox.nextDue(c, agent.id);
        if (agent.nextHeartbeatAt != null && (next == null || agent.nextHeartbeatAt.isBefore(next))) {
            next = agent.nextHeartbeatAt;
        }
        agent.wakeAt = null;
        if (next == null) {
            agents.update(c, agent);
        } else {
            wake(c, agent, next);
        }
    }

    /** Stores the agent's context and the routing keys it makes. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void saveContext(Connection c, AgentRow agent, AgentDefinition definition, Object context, Instant now)
            throws SQLException {
        agent.context = definition.encodeContext(context);
        if (!definition.matchContext().isEmpty()) {
            agent.matchKey = keyOf(definition.contextKey(definition.matchContext(), context));
        }
        agent.updatedAt = now;
        agents.update(c, agent);
        agents.writeKeys(c, agent, keys(definition, context));
    }

    /**
     * Finishes the agent: out of the routing index, its pending events skipped, its execution gone,
     * its singleton match free for a new agent.
     */
    void finish(Connection c, AgentRow agent, String reason, Instant now) throws SQLException {
        agent.status = AgentStatus.FINISHED;
        agent.singletonKey = null;
        agent.finishReason = reason;
        agent.finishedAt = now;
        agent.updatedAt = now;
        agent.nextHeartbeatAt = null;
        if (agent.wakeAt != null) {
            executions.remove(c, AgentTask.NAME, AgentTask.Instance.of(agent).id());
            agent.wakeAt = null;
        }
        agents.update(c, agent);
        agents.deleteKeys(c, agent.id);
        inbox.skipAll(c, agent.id, "the agent finished: " + reason, now);
        journal.append(c, agent.id, JournalKind.FINISHED, reason, now);
    }

    /** Every context property a handler routes by, with its value as the index stores it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, String> keys(AgentDefinition definition, Object context) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (!definition.matchContext().isEmpty()) {
            keys.put(definition.matchContext(), keyOf(definition.contextKey(definition.matchContext(), context)));
        }
        for (AgentHandler handler : (Iterable<AgentHandler>) definition.handlers()) {
            keys.computeIfAbsent(handler.matchContext(), p -> keyOf(definition.contextKey(p, context)));
        }
        return keys;
    }

    /** A match value as stored and compared: its text ({@code 42} for a {@code long} or a {@code Long}). */
    static String keyOf(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
