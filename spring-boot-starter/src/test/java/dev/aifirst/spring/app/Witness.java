package dev.aifirst.spring.app;

import dev.aifirst.annotations.OnEvent;
import dev.aifirst.events.EventContext;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes down which node picked the work it runs in: the scheduler's name for this node. */
@Component
public class Witness {

    private final JdbcTemplate jdbc;
    private final Guestbook guestbook;

    public Witness(JdbcTemplate jdbc, Guestbook guestbook) {
        this.jdbc = jdbc;
        this.guestbook = guestbook;
    }

    @OnEvent(BookingEvents.BOOKING_CREATED)
    void witness(EventContext<Booking> event) {
        List<String> nodes = jdbc.queryForList("select distinct picked_by from scheduled_tasks where picked", String.class);
        guestbook.write(event.entity().getGuest() + " picked by " + nodes);
    }
}
