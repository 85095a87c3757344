/**
 * Durable workflows inside the runtime: the registry of deployed workflows, starting runs, the run loop that
 * db-scheduler executes, the transitions of a run's state and the one path that commits them, and the stores.
 *
 * <p>Internal: not for applications, and without a compatibility promise. Applications use
 * {@code AiFirst} and the packages {@code dev.aifirst.events}, {@code dev.aifirst.workflows} and
 * {@code dev.aifirst.testing}; generated code uses {@code dev.aifirst.spi}.
 */
package dev.aifirst.internal.workflows;
