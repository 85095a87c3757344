package dev.aifirst.sample;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Sends messages to guests: records a {@link SentMessage} and tells the console. Handlers send
 * inside their delivery's transaction ({@link #send(EntityManager, long, String, String)}), so a
 * message is recorded exactly once; workflow steps send in a transaction of their own.
 */
public final class Outbox {

    private final EntityManagerFactory entityManagerFactory;
    private final Clock clock;
    private final Consumer<SentMessage> listener;

    public Outbox(EntityManagerFactory entityManagerFactory, Clock clock, Consumer<SentMessage> listener) {
        this.entityManagerFactory = entityManagerFactory;
        this.clock = clock;
        this.listener = listener;
    }

    /** Sends within the caller's transaction. */
    public void send(EntityManager entityManager, long reservationId, String kind, String text) {
        SentMessage message = new SentMessage(reservationId, kind, text, Instant.now(clock));
        entityManager.persist(message);
        listener.accept(message);
    }

    /** Sends in a transaction of its own. */
    public void send(long reservationId, String kind, String text) {
        entityManagerFactory.runInTransaction(entityManager -> send(entityManager, reservationId, kind, text));
    }

    public Clock clock() {
        return clock;
    }
}
