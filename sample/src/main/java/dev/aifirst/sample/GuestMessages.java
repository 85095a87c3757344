package dev.aifirst.sample;

import dev.aifirst.annotations.OnEvent;
import dev.aifirst.events.EventContext;

/** The messages a guest gets during a stay: automations on the reservation's events. */
public class GuestMessages {

    private final Outbox outbox;

    public GuestMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    @OnEvent(ReservationEvents.RESERVATION_CONFIRMED)
    void sendWelcome(EventContext<Reservation> event) {
        Reservation stay = event.entity();
        outbox.send(event.entityManager(), stay.getId(), "welcome", "Welcome, " + stay.getGuest().getName()
                + "! Your stay at " + stay.getProperty() + " is confirmed.");
    }

    @OnEvent(value = ReservationEvents.CHECKIN_DUE, offset = "-P1D")
    void remindBeforeArrival(EventContext<Reservation> event) {
        Reservation stay = event.entity();
        outbox.send(event.entityManager(), stay.getId(), "pre-arrival", "See you tomorrow at " + stay.getProperty()
                + ", check-in from " + stay.getCheckinAt() + ".");
    }

    @OnEvent(value = ReservationEvents.CHECKOUT_DUE, offset = "PT2H")
    void askForFeedback(EventContext<Reservation> event) {
        outbox.send(event.entityManager(), event.entity().getId(), "feedback", "How was your stay? Tell us in one line.");
    }

    /** Documents that arrive while no pre-arrival run waits for them: that run claims them while it does. */
    @OnEvent(ReservationEvents.DOCUMENTS_RECEIVED)
    void acknowledgeDocuments(EventContext<Reservation> event) {
        outbox.send(event.entityManager(), event.entity().getId(), "documents-received",
                "Thank you, we have your documents.");
    }

    @OnEvent(ReservationEvents.RESERVATION_CANCELLED)
    void confirmCancellation(EventContext<Reservation> event) {
        outbox.send(event.entityManager(), event.entity().getId(), "cancellation", "Your reservation is cancelled.");
    }
}
