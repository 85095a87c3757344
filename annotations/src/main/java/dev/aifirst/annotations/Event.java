package dev.aifirst.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One business event of an entity; used inside {@link Events}.
 *
 * <p>An event without {@link #at()} is <em>immediate</em>: it occurs as soon as the entity's
 * transaction commits with {@link #when()} holding. An event with {@link #at()} is
 * <em>scheduled</em>: it occurs at that date, with {@link #when()} checked again at that moment.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({})
public @interface Event {

    /**
     * The event's name, unique per entity. {@code {property}} placeholders make a template rendered
     * from the entity, e.g. {@code "task_completed:{taskType}"}: each rendered name is an event of
     * its own.
     */
    String name();

    /**
     * A no-argument {@code boolean} method of the entity that must return {@code true} for the
     * event to occur. Empty: always.
     */
    String when() default "";

    /**
     * A date property of the entity ({@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime},
     * {@code LocalDateTime} or {@code LocalDate}) at which the event occurs. Empty: immediate.
     */
    String at() default "";

    /** The lifecycle changes that may make the event occur. */
    Trigger[] on() default {Trigger.CREATE};

    /**
     * Properties whose change lets an event that already occurred occur again on
     * {@link Trigger#UPDATE}.
     */
    String[] watch() default {};

    /** A constant or {@code {property}} template that scopes the event. */
    String namespace() default "*";
}
