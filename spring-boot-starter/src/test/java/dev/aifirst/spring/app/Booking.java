package dev.aifirst.spring.app;

import dev.aifirst.annotations.Event;
import dev.aifirst.annotations.Events;
import dev.aifirst.annotations.Trigger;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
@Events({
    @Event(name = "booking_created"),
    @Event(name = "booking_confirmed", when = "isConfirmed", on = {Trigger.CREATE, Trigger.UPDATE}),
})
public class Booking {

    @Id
    @GeneratedValue
    Long id;

    String guest;

    boolean confirmed;

    protected Booking() {
    }

    public Booking(String guest) {
        this.guest = guest;
    }

    boolean isConfirmed() {
        return confirmed;
    }

    public void confirm() {
        confirmed = true;
    }

    public Long getId() {
        return id;
    }

    public String getGuest() {
        return guest;
    }
}
