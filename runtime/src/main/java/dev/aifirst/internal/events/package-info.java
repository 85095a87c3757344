/**
 * Business events inside the runtime: the registry of what the compilation declared, the sync of event rows with
 * entities, the occurrence and delivery tasks, claims, and the stores they use.
 *
 * <p>Internal: not for applications, and without a compatibility promise. Applications use
 * {@code AiFirst} and the packages {@code dev.aifirst.events}, {@code dev.aifirst.workflows} and
 * {@code dev.aifirst.testing}; generated code uses {@code dev.aifirst.spi}.
 */
package dev.aifirst.internal.events;
