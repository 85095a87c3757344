package dev.aifirst.events.fixtures;

import dev.aifirst.annotations.Trigger;
import dev.aifirst.spi.EntityEvents;
import dev.aifirst.spi.EventDates;
import dev.aifirst.spi.EventDeclaration;
import dev.aifirst.spi.EventState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The business events of {@link Booking}, generated from its {@code @Events}.
 *
 * <p>Refer to an event by its constant, e.g. {@code BookingEvents.BOOKING_CREATED}.
 * The runtime calls {@link #evaluate} whenever a {@code Booking} is inserted, updated or
 * deleted through Hibernate, and keeps one event row per rendered name in sync with the result.
 */
@Generated("dev.aifirst.processor.AiFirstProcessor")
public final class BookingEvents implements EntityEvents<Booking> {
    /**
     * {@code @Event(name = "booking_created")}
     */
    public static final String BOOKING_CREATED = "booking_created";

    /**
     * {@code @Event(name = "booking_confirmed", when = "isConfirmed", on = {Trigger.CREATE, Trigger.UPDATE})}
     */
    public static final String BOOKING_CONFIRMED = "booking_confirmed";

    /**
     * {@code @Event(name = "checkin_due", at = "checkinAt", when = "isConfirmed")}
     */
    public static final String CHECKIN_DUE = "checkin_due";

    /**
     * {@code @Event(name = "checkout_due", at = "checkoutDate")}
     */
    public static final String CHECKOUT_DUE = "checkout_due";

    /**
     * {@code @Event(name = "stage_done:{stage}", when = "isStageDone", watch = "stageDone")}
     */
    public static final String STAGE_DONE = "stage_done:{stage}";

    /**
     * {@code @Event(name = "booking_changed", on = Trigger.UPDATE)}
     */
    public static final String BOOKING_CHANGED = "booking_changed";

    /**
     * {@code @Event(name = "booking_deleted", on = Trigger.DELETE)}
     */
    public static final String BOOKING_DELETED = "booking_deleted";

    private static final EventDeclaration BOOKING_CREATED_DECLARATION = new EventDeclaration(BOOKING_CREATED, "*", EnumSet.of(Trigger.CREATE), false, List.of());

    private static final EventDeclaration BOOKING_CONFIRMED_DECLARATION = new EventDeclaration(BOOKING_CONFIRMED, "*", EnumSet.of(Trigger.CREATE, Trigger.UPDATE), false, List.of());

    private static final EventDeclaration CHECKIN_DUE_DECLARATION = new EventDeclaration(CHECKIN_DUE, "*", EnumSet.of(Trigger.CREATE), true, List.of());

    private static final EventDeclaration CHECKOUT_DUE_DECLARATION = new EventDeclaration(CHECKOUT_DUE, "*", EnumSet.of(Trigger.CREATE), true, List.of());

    private static final EventDeclaration STAGE_DONE_DECLARATION = new EventDeclaration(STAGE_DONE, "*", EnumSet.of(Trigger.CREATE), false, List.of("stageDone"));

    private static final EventDeclaration BOOKING_CHANGED_DECLARATION = new EventDeclaration(BOOKING_CHANGED, "*", EnumSet.of(Trigger.UPDATE), false, List.of());

    private static final EventDeclaration BOOKING_DELETED_DECLARATION = new EventDeclaration(BOOKING_DELETED, "*", EnumSet.of(Trigger.DELETE), false, List.of());

    private static final List<EventDeclaration> DECLARATIONS = List.of(
            BOOKING_CREATED_DECLARATION,
            BOOKING_CONFIRMED_DECLARATION,
            CHECKIN_DUE_DECLARATION,
            CHECKOUT_DUE_DECLARATION,
            STAGE_DONE_DECLARATION,
            BOOKING_CHANGED_DECLARATION,
            BOOKING_DELETED_DECLARATION);

    @Override
    public Class<Booking> entityType() {
        return Booking.class;
    }

    @Override
    public List<EventDeclaration> declarations() {
        return DECLARATIONS;
    }

    @Override
    public Object id(Booking entity) {
        return entity.getId();
    }

    @Override
    public Object parseId(String id) {
        return Long.valueOf(id);
    }

    /**
     * The id is {@code @GeneratedValue}: a new Booking has no event rows to look for.
     */
    @Override
    public boolean generatedId() {
        return true;
    }

    @Override
    public List<EventState> evaluate(Booking entity, ZoneId zone) {
        return List.of(
                bookingCreated(entity),
                bookingConfirmed(entity),
                checkinDue(entity, zone),
                checkoutDue(entity, zone),
                stageDone(entity),
                bookingChanged(entity),
                bookingDeleted(entity));
    }

    /**
     * {@code @Event(name = "booking_created")}
     */
    private static EventState bookingCreated(Booking entity) {
        return EventState.immediate(BOOKING_CREATED_DECLARATION, BOOKING_CREATED, "*", true, "");
    }

    /**
     * {@code @Event(name = "booking_confirmed", when = "isConfirmed", on = {Trigger.CREATE, Trigger.UPDATE})}
     */
    private static EventState bookingConfirmed(Booking entity) {
        boolean condition = entity.isConfirmed();
        return EventState.immediate(BOOKING_CONFIRMED_DECLARATION, BOOKING_CONFIRMED, "*", condition, "");
    }

    /**
     * {@code @Event(name = "checkin_due", at = "checkinAt", when = "isConfirmed")}
     */
    private static EventState checkinDue(Booking entity, ZoneId zone) {
        boolean condition = entity.isConfirmed();
        Instant dueAt = EventDates.toInstant(entity.getCheckinAt(), zone);
        return EventState.scheduled(CHECKIN_DUE_DECLARATION, CHECKIN_DUE, "*", condition, dueAt, "");
    }

    /**
     * {@code @Event(name = "checkout_due", at = "checkoutDate")}
     */
    private static EventState checkoutDue(Booking entity, ZoneId zone) {
        Instant dueAt = EventDates.toInstant(entity.getCheckoutDate(), zone);
        return EventState.scheduled(CHECKOUT_DUE_DECLARATION, CHECKOUT_DUE, "*", true, dueAt, "");
    }

    /**
     * {@code @Event(name = "stage_done:{stage}", when = "isStageDone", watch = "stageDone")}
     */
    private static EventState stageDone(Booking entity) {
        Object stage = entity.getStage();
        if (stage == null) {
            return EventState.unrenderable(STAGE_DONE_DECLARATION, "stage");
        }
        String name = "stage_done:" + stage;
        boolean condition = entity.isStageDone();
        String watchKey = EventState.watchKey(entity.isStageDone());
        return EventState.immediate(STAGE_DONE_DECLARATION, name, "*", condition, watchKey);
    }

    /**
     * {@code @Event(name = "booking_changed", on = Trigger.UPDATE)}
     */
    private static EventState bookingChanged(Booking entity) {
        return EventState.immediate(BOOKING_CHANGED_DECLARATION, BOOKING_CHANGED, "*", true, "");
    }

    /**
     * {@code @Event(name = "booking_deleted", on = Trigger.DELETE)}
     */
    private static EventState bookingDeleted(Booking entity) {
        return EventState.immediate(BOOKING_DELETED_DECLARATION, BOOKING_DELETED, "*", true, "");
    }
}
