package dev.aifirst.agents;

import java.util.Objects;

/**
 * What an agent decided at the end of a handler or a heartbeat: to carry on, or to finish. Either
 * way the decision, with its reason, goes into the agent's journal.
 *
 * <pre>{@code
 * @Heartbeat
 * AgentDecision act(Context ctx, AgentMemory memory) {
 *     return ctx.feedbackReceived ? AgentDecision.finish("feedback received") : AgentDecision.carryOn();
 * }
 * }</pre>
 *
 * @param finish whether the agent ends
 * @param reason why, as the journal shows it; empty for a plain {@link #carryOn()}
 */
public record AgentDecision(boolean finish, String reason) {

    private static final AgentDecision CARRY_ON = new AgentDecision(false, "");

    public AgentDecision {
        Objects.requireNonNull(reason, "reason");
    }

    /** The agent stays active; nothing is journaled for it. */
    public static AgentDecision carryOn() {
        return CARRY_ON;
    }

    /** The agent stays active, and the journal records why. */
    public static AgentDecision carryOn(String reason) {
        return new AgentDecision(false, Objects.requireNonNull(reason, "reason"));
    }

    /** The agent finishes: its pending events are dropped, its heartbeat stops, its claims are released. */
    public static AgentDecision finish(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an agent finishes for a reason the journal can show, not '" + reason
                    + "'");
        }
        return new AgentDecision(true, reason);
    }
}
