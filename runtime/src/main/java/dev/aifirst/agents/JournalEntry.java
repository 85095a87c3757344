package dev.aifirst.agents;

import java.time.Instant;

/**
 * One entry of an agent's journal, its internal monologue: what it thought, decided and sent, and
 * what happened to it. The journal is append-only.
 *
 * @param id increasing in the order entries were written
 * @param agentId the agent's id
 * @param kind what the entry records
 * @param text the entry, in words
 * @param createdAt when it was written (the agent's commit)
 */
public record JournalEntry(long id, String agentId, JournalKind kind, String text, Instant createdAt) {
}
