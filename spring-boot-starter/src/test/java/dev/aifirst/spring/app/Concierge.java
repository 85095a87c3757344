package dev.aifirst.spring.app;

import dev.aifirst.annotations.OnEvent;
import dev.aifirst.events.EventContext;

/** A handler that is not a bean and has no no-argument constructor: the bean factory makes it. */
public class Concierge {

    private final Guestbook guestbook;

    public Concierge(Guestbook guestbook) {
        this.guestbook = guestbook;
    }

    @OnEvent(BookingEvents.BOOKING_CONFIRMED)
    void welcome(EventContext<Booking> event) {
        guestbook.write("confirmed " + event.entity().getGuest() + " by concierge " + System.identityHashCode(this));
    }
}
