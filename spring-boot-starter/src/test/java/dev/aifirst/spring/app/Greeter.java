package dev.aifirst.spring.app;

import dev.aifirst.annotations.OnEvent;
import dev.aifirst.events.EventContext;
import org.springframework.stereotype.Component;

/** A handler that is a bean, with constructor injection. */
@Component
public class Greeter {

    private final Guestbook guestbook;

    public Greeter(Guestbook guestbook) {
        this.guestbook = guestbook;
    }

    @OnEvent(BookingEvents.BOOKING_CREATED)
    void greet(EventContext<Booking> event) {
        guestbook.write("greeted " + event.entity().getGuest() + " by bean " + System.identityHashCode(this));
    }
}
