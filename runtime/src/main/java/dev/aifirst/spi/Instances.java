package dev.aifirst.spi;

import java.util.function.Supplier;

/**
 * Supplies the objects whose methods generated code calls: classes with {@code @OnEvent} methods,
 * workflow classes. The default creates each class once with its no-argument constructor; an
 * application with a dependency-injection container supplies its own beans instead
 * ({@code AiFirst.builder().instances(...)}).
 */
@FunctionalInterface
public interface Instances {

    /**
     * The instance of {@code type} to call.
     *
     * @param fallback creates an instance with the class's no-argument constructor
     */
    <T> T get(Class<T> type, Supplier<T> fallback);
}
