package dev.aifirst.sample;

import dev.aifirst.annotations.OnEvent;
import dev.aifirst.events.EventContext;
import java.util.function.Consumer;

/** Tells the console about every event of a stay as it occurs. */
public class StayLog {

    private final Consumer<String> console;

    public StayLog(Consumer<String> console) {
        this.console = console;
    }

    private void log(EventContext<Reservation> event) {
        console.accept("event " + event.name() + " for " + event.entity().getGuest().getName() + "'s stay");
    }

    @OnEvent(ReservationEvents.RESERVATION_CREATED)
    void created(EventContext<Reservation> event) {
        log(event);
    }

    @OnEvent(ReservationEvents.RESERVATION_CONFIRMED)
    void confirmed(EventContext<Reservation> event) {
        log(event);
    }

    @OnEvent(ReservationEvents.RESERVATION_CANCELLED)
    void cancelled(EventContext<Reservation> event) {
        log(event);
    }

    @OnEvent(value = ReservationEvents.DOCUMENTS_RECEIVED, ignoresClaims = true) // the log sees claimed events too
    void documentsReceived(EventContext<Reservation> event) {
        log(event);
    }

    @OnEvent(ReservationEvents.CHECKIN_DUE)
    void checkinDue(EventContext<Reservation> event) {
        log(event);
    }

    @OnEvent(ReservationEvents.CHECKOUT_DUE)
    void checkoutDue(EventContext<Reservation> event) {
        log(event);
    }
}
