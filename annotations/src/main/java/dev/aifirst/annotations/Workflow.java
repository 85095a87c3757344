package dev.aifirst.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A durable workflow: a class with a nested {@code Context} and {@link Step} methods.
 *
 * <p>With {@link #on()}, a run starts when that event occurs, shifted by {@link #offset()}; the class
 * then declares {@code static Context createContext(EventContext<E> event)}. Without it, runs start
 * with {@code runtime.workflows().start(MyWorkflow.class, context)}.
 *
 * <p>The processor generates {@code <Name>Steps}, an enum of the steps, and {@code <Name>Workflow},
 * the state machine that calls the step methods.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Workflow {

    /** The workflow's name, unique in the application; stored with every run. */
    String name();

    /** The event that starts a run; empty for workflows started by hand. */
    String on() default "";

    /** When to start relative to the event's date (ISO-8601; negative = before it). */
    String offset() default "PT0S";

    /**
     * The namespace whose occurrences of {@link #on()} start a run: one rendered namespace of the
     * event ({@code @Event(namespace)}), such as {@code "tenant-a"}, or {@code "*"} for every
     * namespace. Checked at compile time like {@code @OnEvent(namespace)}; needs {@link #on()}.
     */
    String namespace() default "*";

    /** The version of the workflow's code; a run finishes under the version it started with. */
    int version() default 1;

    /** The retry policy of steps that do not declare their own. */
    Retry retry() default @Retry;

    /**
     * An ISO-8601 window: events for the same entity that arrive within it start one run instead of
     * one each. Empty: no debouncing.
     */
    String debounce() default "";
}
