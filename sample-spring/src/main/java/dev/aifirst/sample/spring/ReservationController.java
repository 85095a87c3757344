package dev.aifirst.sample.spring;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The HTTP API: book, cancel, and read the messages a guest got. */
@RestController
@RequestMapping("/reservations")
public class ReservationController {

    public record Booking(String guest, String property, Instant checkinAt, Instant checkoutAt) {
    }

    public record Booked(long id) {
    }

    public record Cancelled(long id, String refundRun) {
    }

    public record Message(String kind, String text) {
    }

    private final ReservationDesk desk;
    private final GuestMessages messages;

    public ReservationController(ReservationDesk desk, GuestMessages messages) {
        this.desk = desk;
        this.messages = messages;
    }

    @PostMapping
    public Booked book(@RequestBody Booking booking) {
        return new Booked(desk.book(booking.guest(), booking.property(), booking.checkinAt(), booking.checkoutAt()).getId());
    }

    @PostMapping("/{id}/cancel")
    public Cancelled cancel(@PathVariable("id") long id) {
        return new Cancelled(id, desk.cancel(id));
    }

    @GetMapping("/{id}/messages")
    public List<Message> messages(@PathVariable("id") long id) {
        return messages.findByReservationIdOrderById(id).stream()
                .map(message -> new Message(message.getKind(), message.getText())).toList();
    }
}
