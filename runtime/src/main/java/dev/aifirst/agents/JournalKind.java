package dev.aifirst.agents;

/** What a journal entry records. */
public enum JournalKind {
    /** The agent was spawned, by an event or by hand. */
    SPAWNED,
    /** A handler ran with an event. */
    HANDLED,
    /** A handler did not run: its {@code when} was false, or the agent had finished. */
    SKIPPED,
    /** A handler or a heartbeat threw; the context kept its previous state. */
    FAILED,
    /** Something the agent thought, written with {@link AgentMemory#think}. */
    THOUGHT,
    /** Something the agent decided, written with {@link AgentMemory#decide} or returned as an {@link AgentDecision}. */
    DECISION,
    /** A message the agent sent. */
    MESSAGE,
    /** The agent finished. */
    FINISHED
}
