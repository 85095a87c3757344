/**
 * What a runtime deploys: the registrations the processor generated, found with {@code ServiceLoader},
 * narrowed to the classes and packages the application lists.
 *
 * <p>Internal: not for applications, and without a compatibility promise. Applications use
 * {@code AiFirst} and the packages {@code dev.aifirst.events}, {@code dev.aifirst.workflows} and
 * {@code dev.aifirst.testing}; generated code uses {@code dev.aifirst.spi}.
 */
package dev.aifirst.internal.deployment;
