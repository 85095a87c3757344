package dev.aifirst.agents;

import dev.aifirst.Page;
import dev.aifirst.PageRequest;

/** {@code runtime.agents()}: spawn agents by hand, finish them, and look at them and their journals a page at a time. */
public interface Agents {

    /**
     * Spawns an agent of {@code agentClass} with {@code context} (an instance of its {@code Context}).
     * For a singleton agent whose match is taken by an active agent, nothing is spawned and that
     * agent's id is returned.
     *
     * @return the agent's id
     */
    String spawn(Class<?> agentClass, Object context);

    /**
     * Finishes an agent: it receives no more events or heartbeats, and its pending ones are dropped.
     *
     * @return whether it was active
     */
    boolean finish(String agentId);

    /** The agent, or {@code null}. */
    AgentRecord find(String agentId);

    /**
     * The agents named {@code name} ({@code @Agent(name)}, or {@code null} for any) with
     * {@code status} (or {@code null} for any), oldest first.
     */
    Page<AgentRecord> list(String name, AgentStatus status, PageRequest page);

    /** The agent's journal, oldest entry first. */
    Page<JournalEntry> journal(String agentId, PageRequest page);
}
