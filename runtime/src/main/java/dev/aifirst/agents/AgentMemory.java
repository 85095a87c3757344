package dev.aifirst.agents;

import java.util.List;

/**
 * An agent's journal as its handlers and heartbeat see it: they append what they think and decide,
 * and read back what they wrote before. Entries are stored with the handler's or heartbeat's
 * outcome, in the same commit as the context; an operator reads them with
 * {@code runtime.agents().journal(id, page)} to learn why the agent acted.
 */
public interface AgentMemory {

    /** The agent's id. */
    String agentId();

    /** Appends a thought: what the agent noticed or considered. */
    void think(String thought);

    /** Appends a decision: what the agent chose to do, and why. */
    void decide(String decision);

    /** Appends the record of a message the agent sent, to whom and what. */
    void sent(String recipient, String message);

    /** The latest {@code count} entries, oldest first, including those appended in this call. */
    List<JournalEntry> recent(int count);
}
