package dev.aifirst.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method of an {@link Agent} that runs every {@link Agent#heartbeat()} while the agent is
 * active: {@code AgentDecision act(Context ctx, AgentMemory memory)}. It may return
 * {@code AgentDecision.finish(reason)} to end the agent; it returns {@code void} or an
 * {@code AgentDecision}, and takes the context and, optionally, the memory. Runs of one agent never
 * overlap, and the interval survives restarts.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Heartbeat {
}
