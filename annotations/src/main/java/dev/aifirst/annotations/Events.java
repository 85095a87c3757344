package dev.aifirst.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the business events of a JPA entity.
 *
 * <pre>{@code
 * @Entity
 * @Events({
 *     @Event(name = "reservation_created"),
 *     @Event(name = "checkin_due", at = "checkinAt", when = "isConfirmed"),
 * })
 * public class Reservation { ... }
 * }</pre>
 *
 * <p>The processor generates {@code ReservationEvents} beside the entity: a {@code String} constant
 * per event name and a typed evaluator that the runtime calls, without reflection, whenever the
 * entity is inserted, updated or deleted through Hibernate.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Events {
    Event[] value();
}
