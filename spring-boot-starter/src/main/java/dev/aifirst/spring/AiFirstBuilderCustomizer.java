package dev.aifirst.spring;

import dev.aifirst.AiFirst;

/**
 * Adjusts the runtime the starter builds, after the {@code aifirst.*} properties are applied: a bean
 * of this type sees the builder before the runtime is built (a clock, narrowing what is deployed).
 *
 * <pre>{@code
 * @Bean
 * AiFirstBuilderCustomizer quickTakeover() {
 *     return builder -> builder.takeoverAfter(Duration.ofSeconds(30));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface AiFirstBuilderCustomizer {

    void customize(AiFirst.Builder builder);
}
