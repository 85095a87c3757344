package dev.aifirst.sample.spring;

import dev.aifirst.annotations.Event;
import dev.aifirst.annotations.Events;
import dev.aifirst.annotations.Trigger;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.time.Instant;

/** A stay at the property, with the business events of its lifecycle. */
@Entity
@Events({
    @Event(name = "reservation_confirmed", when = "isConfirmed", on = {Trigger.CREATE, Trigger.UPDATE}),
    @Event(name = "checkin_due", at = "checkinAt", when = "isConfirmed"),
    @Event(name = "checkout_due", at = "checkoutAt", when = "isConfirmed"),
})
public class Reservation {

    public enum Status { CONFIRMED, CANCELLED }

    @Id
    @GeneratedValue
    Long id;

    String guest;

    String property;

    Instant checkinAt;

    Instant checkoutAt;

    @Enumerated(EnumType.STRING)
    Status status = Status.CONFIRMED;

    protected Reservation() {
    }

    public Reservation(String guest, String property, Instant checkinAt, Instant checkoutAt) {
        this.guest = guest;
        this.property = property;
        this.checkinAt = checkinAt;
        this.checkoutAt = checkoutAt;
    }

    boolean isConfirmed() {
        return status == Status.CONFIRMED;
    }

    public void cancel() {
        status = Status.CANCELLED;
    }

    public Long getId() {
        return id;
    }

    public String getGuest() {
        return guest;
    }

    public String getProperty() {
        return property;
    }

    public Instant getCheckinAt() {
        return checkinAt;
    }

    public Instant getCheckoutAt() {
        return checkoutAt;
    }

    public Status getStatus() {
        return status;
    }
}
