package dev.aifirst.sample.spring;

import dev.aifirst.annotations.OnEvent;
import dev.aifirst.events.EventContext;
import org.springframework.stereotype.Component;

/**
 * The messages a guest gets before the stay: automations on the reservation's events. The starter
 * runs each handler in a Spring transaction with its delivery, so what the repository saves is
 * recorded exactly once, with the delivery.
 */
@Component
public class Concierge {

    private final GuestMessages messages;

    public Concierge(GuestMessages messages) {
        this.messages = messages;
    }

    @OnEvent(ReservationEvents.RESERVATION_CONFIRMED)
    void welcome(EventContext<Reservation> event) {
        Reservation stay = event.entity();
        messages.save(new GuestMessage(stay.getId(), "welcome",
                "Welcome, " + stay.getGuest() + "! Your stay at " + stay.getProperty() + " is confirmed."));
    }

    @OnEvent(value = ReservationEvents.CHECKIN_DUE, offset = "-P1D")
    void remindBeforeArrival(EventContext<Reservation> event) {
        Reservation stay = event.entity();
        messages.save(new GuestMessage(stay.getId(), "reminder",
                "See you tomorrow at " + stay.getProperty() + ", check-in from " + stay.getCheckinAt() + "."));
    }
}
