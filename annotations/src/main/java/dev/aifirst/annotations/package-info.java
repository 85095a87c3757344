/**
 * The annotations of AI-First Java.
 *
 * <p>They are read at compile time by {@code aifirst-processor}, which validates them against the
 * annotated code and generates plain Java (event constants and evaluators, dispatchers, workflow
 * state machines). Nothing here is read by reflection at run time, so every annotation has
 * {@code SOURCE} retention.
 */
package dev.aifirst.annotations;
