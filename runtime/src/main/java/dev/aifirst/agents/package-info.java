/**
 * Business agents: {@code runtime.agents()} to spawn, finish and look at them, and the types their
 * methods receive and return ({@link dev.aifirst.agents.AgentMemory}, {@link dev.aifirst.agents.AgentDecision}).
 */
package dev.aifirst.agents;
