package dev.aifirst.sample;

import jakarta.persistence.EntityManagerFactory;

/** Reads reservations for workflow steps, which run outside any transaction of their own. */
public final class Stays {

    private final EntityManagerFactory entityManagerFactory;

    public Stays(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    /** Whether the reservation is still going to happen. */
    public boolean isActive(long reservationId) {
        return entityManagerFactory.callInTransaction(entityManager -> {
            Reservation stay = entityManager.find(Reservation.class, reservationId);
            return stay != null && stay.getStatus() != Reservation.Status.CANCELLED;
        });
    }
}
