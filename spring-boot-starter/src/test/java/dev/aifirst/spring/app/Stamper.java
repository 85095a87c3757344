package dev.aifirst.spring.app;

import dev.aifirst.annotations.OnEvent;
import dev.aifirst.events.EventContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Writes through a repository, as application code does; for a guest named "Flaky ...", its first
 * attempt fails after the write, so that the retry shows whether the write rolled back with it.
 */
@Component
public class Stamper {

    private final Stamps stamps;
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    public Stamper(Stamps stamps) {
        this.stamps = stamps;
    }

    @OnEvent(BookingEvents.BOOKING_CREATED)
    void stamp(EventContext<Booking> event) {
        String guest = event.entity().getGuest();
        stamps.save(new Stamp(guest));
        if (guest.startsWith("Flaky") && failedOnce.add(guest)) {
            throw new IllegalStateException("the stamp of " + guest + " smudged");
        }
    }
}
