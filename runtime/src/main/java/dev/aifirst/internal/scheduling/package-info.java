/**
 * db-scheduler as the runtime uses it: the scheduler (polling, or manual under a time machine) and the
 * executions written in the caller's transaction.
 *
 * <p>Internal: not for applications, and without a compatibility promise. Applications use
 * {@code AiFirst} and the packages {@code dev.aifirst.events}, {@code dev.aifirst.workflows} and
 * {@code dev.aifirst.testing}; generated code uses {@code dev.aifirst.spi}.
 */
package dev.aifirst.internal.scheduling;
