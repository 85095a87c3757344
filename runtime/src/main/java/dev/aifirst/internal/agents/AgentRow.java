package dev.aifirst.internal.agents;

import dev.aifirst.agents.AgentRecord;
import dev.aifirst.agents.AgentStatus;
import java.time.Instant;

/** One row of {@code aif_agent}, as the engine reads and changes it inside a transaction. */
final class AgentRow {

    String id;
    String name;
    AgentStatus status;
    /** The match value while an active singleton, else null: the unique index keeps one active agent per match. */
    String singletonKey;
    String matchKey;
    String context;
    String entityType;
    String entityId;
    int lease;
    /** When the execution of the current lease is due, or was while it runs; null when there is none. */
    Instant wakeAt;
    Instant nextHeartbeatAt;
    String finishReason;
    Instant createdAt;
    Instant updatedAt;
    Instant finishedAt;

    AgentRecord toRecord() {
        return new AgentRecord(id, name, status, context, matchKey, entityType, entityId, nextHeartbeatAt,
                finishReason, createdAt, updatedAt, finishedAt);
    }

    @Override
    public String toString() {
        return "agent " + name + " " + id + (matchKey == null ? "" : " [" + matchKey + "]");
    }
}
