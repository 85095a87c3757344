package dev.aifirst.sample.spring;

import dev.aifirst.AiFirst;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Books and cancels stays. */
@Service
public class ReservationDesk {

    private final Reservations reservations;
    private final AiFirst runtime;

    public ReservationDesk(Reservations reservations, AiFirst runtime) {
        this.reservations = reservations;
        this.runtime = runtime;
    }

    /** A confirmed stay: its welcome, reminder and door code follow from its events. */
    @Transactional
    public Reservation book(String guest, String property, Instant checkinAt, Instant checkoutAt) {
        return reservations.save(new Reservation(guest, property, checkinAt, checkoutAt));
    }

    /**
     * Cancels a stay and starts its refund, in one transaction: the refund runs only if the
     * cancellation commits, and a cancellation is never left without its refund.
     */
    @Transactional
    public String cancel(long reservationId) {
        Reservation stay = reservations.findById(reservationId)
                .orElseThrow(() -> new IllegalArgumentException("No reservation " + reservationId));
        stay.cancel();
        Refund.Context refund = new Refund.Context();
        refund.reservationId = reservationId;
        return runtime.workflows().start(Refund.class, refund);
    }
}
