package dev.aifirst.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * One {@code @Handler} method of an agent: which event it receives, when, and how the event finds
 * the agent. Generated code builds it with {@link #on} and a wither for each value the annotation
 * sets.
 *
 * <pre>{@code
 * AgentHandler.on("answer", "message_received", Message.class, "reservationId")
 *         .debounce(Duration.ofMinutes(2))
 * }</pre>
 *
 * @param method the handler method's name, stored with each event routed to it
 * @param event the event's name (declared, template, or one rendering of a template)
 * @param entityType the entity that declares the event
 * @param matchContext the context property whose value the event's entity must carry; the agent's
 *     {@link AgentDefinition#entityKey} reads the entity's side
 * @param offset when to run relative to the event's date
 * @param debounce the quiet window whose events arrive together, or {@link Duration#ZERO}
 * @param retry how a failing call is retried
 * @param ignoresClaims whether the handler receives the event also while another holds a claim on it
 */
public record AgentHandler(String method, String event, Class<?> entityType, String matchContext, Duration offset,
        Duration debounce, RetryPolicy retry, boolean ignoresClaims) {

    /** Handlers run once by default: a failure is journaled, not retried. */
    public static final RetryPolicy NO_RETRY = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO);

    public AgentHandler {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(matchContext, "matchContext");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(debounce, "debounce");
        Objects.requireNonNull(retry, "retry");
    }

    /** The handler {@code method} of {@code event}, routed by the context property {@code matchContext}. */
    public static AgentHandler on(String method, String event, Class<?> entityType, String matchContext) {
        return new AgentHandler(method, event, entityType, matchContext, Duration.ZERO, Duration.ZERO, NO_RETRY, false);
    }

    public AgentHandler offset(Duration offset) {
        return new AgentHandler(method, event, entityType, matchContext, offset, debounce, retry, ignoresClaims);
    }

    public AgentHandler debounce(Duration debounce) {
        return new AgentHandler(method, event, entityType, matchContext, offset, debounce, retry, ignoresClaims);
    }

    public AgentHandler retry(RetryPolicy retry) {
        return new AgentHandler(method, event, entityType, matchContext, offset, debounce, retry, ignoresClaims);
    }

    public AgentHandler ignoringClaims() {
        return new AgentHandler(method, event, entityType, matchContext, offset, debounce, retry, true);
    }

    /** Whether the events of a quiet window arrive together. */
    public boolean debounced() {
        return !debounce.isZero();
    }
}
