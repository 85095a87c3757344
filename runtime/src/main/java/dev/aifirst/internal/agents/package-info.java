/**
 * Business agents inside the runtime: the registry of deployed agents, spawning them on their event,
 * routing events to them through an index, the turn that db-scheduler executes (handlers, debounced
 * batches, heartbeats), their journal, and the stores.
 *
 * <p>Internal: not for applications, and without a compatibility promise. Applications use
 * {@code runtime.agents()} and the package {@code dev.aifirst.agents}; generated code uses
 * {@code dev.aifirst.spi}.
 */
package dev.aifirst.internal.agents;
