package dev.aifirst.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.time.Instant;

/** A message the property sent a guest (the sample records it instead of sending an e-mail). */
@Entity
public class SentMessage {

    @Id
    @GeneratedValue
    Long id;

    long reservationId;

    String kind;

    @Column(length = 1000)
    String text;

    Instant sentAt;

    protected SentMessage() {
    }

    public SentMessage(long reservationId, String kind, String text, Instant sentAt) {
        this.reservationId = reservationId;
        this.kind = kind;
        this.text = text;
        this.sentAt = sentAt;
    }

    public long getReservationId() {
        return reservationId;
    }

    public String getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    @Override
    public String toString() {
        return sentAt + " #" + reservationId + " " + kind + ": " + text;
    }
}
