package dev.aifirst.spring.app;

import dev.aifirst.AiFirst;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Application code that starts and signals runs inside its own @Transactional methods. */
@Service
public class BookingDesk {

    @PersistenceContext
    private EntityManager entityManager;

    private final AiFirst runtime;

    public BookingDesk(AiFirst runtime) {
        this.runtime = runtime;
    }

    /** Saves a booking and starts its confirmation; with {@code failAfter}, fails once both are done. */
    @Transactional
    public String book(String guest, boolean failAfter) {
        entityManager.persist(new Booking(guest));
        Confirmation.Context context = new Confirmation.Context();
        context.guest = guest;
        String runId = runtime.workflows().start(Confirmation.class, context);
        if (failAfter) {
            throw new IllegalStateException("the card of " + guest + " was declined, run " + runId);
        }
        return runId;
    }

    /** Signals that {@code guest} paid; with {@code failAfter}, fails once the signal is sent. */
    @Transactional
    public int pay(String guest, String paidBy, boolean failAfter) {
        int woken = runtime.workflows().signal("paid:" + guest, java.util.Map.of("paidBy", paidBy));
        if (failAfter) {
            throw new IllegalStateException("the payment of " + guest + " bounced");
        }
        return woken;
    }
}
