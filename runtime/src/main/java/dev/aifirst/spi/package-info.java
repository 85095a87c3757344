/**
 * The contract between the code that {@code aifirst-processor} generates and the runtime.
 *
 * <p>Generated classes implement these interfaces and are listed in {@code META-INF/services}, so the
 * runtime finds them with {@link java.util.ServiceLoader} and calls them without reflection. The
 * types are public because generated code lives in the users' packages; applications do not use
 * them directly.
 */
package dev.aifirst.spi;
