/**
 * What the runtime tells an operator's tools while it works: meters ({@link RuntimeMetrics}, on
 * Micrometer when the application gives a registry) and the SLF4J MDC keys around user code
 * ({@link LogContext}).
 */
package dev.aifirst.internal.observability;
