package dev.aifirst.sample;

import dev.aifirst.annotations.Event;
import dev.aifirst.annotations.Events;
import dev.aifirst.annotations.Trigger;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A stay at the property, with the business events of its lifecycle. */
@Entity
@Events({
    @Event(name = "reservation_created"),
    @Event(name = "reservation_confirmed", when = "isConfirmed", on = {Trigger.CREATE, Trigger.UPDATE}),
    @Event(name = "reservation_cancelled", when = "isCancelled", on = Trigger.UPDATE),
    @Event(name = "documents_received", when = "hasDocuments", on = {Trigger.CREATE, Trigger.UPDATE}),
    @Event(name = "checkin_due", at = "checkinAt", when = "isConfirmed"),
    @Event(name = "checkout_due", at = "checkoutAt", when = "isConfirmed"),
})
public class Reservation {

    public enum Status { REQUESTED, CONFIRMED, CANCELLED }

    @Id
    @GeneratedValue
    Long id;

    @ManyToOne(optional = false)
    Guest guest;

    String property;

    @Enumerated(EnumType.STRING)
    Status status = Status.REQUESTED;

    Instant checkinAt;

    Instant checkoutAt;

    boolean documentsReceived;

    protected Reservation() {
    }

    public Reservation(Guest guest, String property, Instant checkinAt, Instant checkoutAt) {
        this.guest = guest;
        this.property = property;
        this.checkinAt = checkinAt;
        this.checkoutAt = checkoutAt;
    }

    boolean isConfirmed() {
        return status == Status.CONFIRMED;
    }

    boolean isCancelled() {
        return status == Status.CANCELLED;
    }

    boolean hasDocuments() {
        return documentsReceived;
    }

    public void confirm() {
        status = Status.CONFIRMED;
    }

    public void cancel() {
        status = Status.CANCELLED;
    }

    public void receiveDocuments() {
        documentsReceived = true;
    }

    public void moveCheckin(Instant checkinAt) {
        this.checkinAt = checkinAt;
    }

    public Long getId() {
        return id;
    }

    public Guest getGuest() {
        return guest;
    }

    public String getProperty() {
        return property;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCheckinAt() {
        return checkinAt;
    }

    public Instant getCheckoutAt() {
        return checkoutAt;
    }
}
