package dev.aifirst.agents;

/** Where an agent stands. */
public enum AgentStatus {
    /** Receives its events and heartbeats. */
    ACTIVE,
    /** Ended by itself ({@link AgentDecision#finish}) or by {@code runtime.agents().finish(id)}; receives nothing. */
    FINISHED
}
