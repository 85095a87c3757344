package dev.aifirst.agents;

import java.time.Instant;

/**
 * One agent, as stored.
 *
 * @param id the agent's id
 * @param name the agent's name ({@code @Agent(name)})
 * @param status where it stands
 * @param context the context as JSON
 * @param matchKey the value of its {@code @Agent(match)} context property, or {@code null} without one
 * @param entityType the entity whose event spawned it, or {@code null} for one spawned by hand
 * @param entityId that entity's id, or {@code null}
 * @param nextHeartbeatAt when its heartbeat runs next, or {@code null}
 * @param finishReason why it finished, or {@code null} while active
 * @param createdAt when it was spawned
 * @param updatedAt when it last changed
 * @param finishedAt when it finished, or {@code null}
 */
public record AgentRecord(String id, String name, AgentStatus status, String context, String matchKey,
        String entityType, String entityId, Instant nextHeartbeatAt, String finishReason, Instant createdAt,
        Instant updatedAt, Instant finishedAt) {
}
