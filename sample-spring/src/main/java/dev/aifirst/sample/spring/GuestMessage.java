package dev.aifirst.sample.spring;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A message sent to the guest of a reservation. */
@Entity
public class GuestMessage {

    @Id
    @GeneratedValue
    Long id;

    long reservationId;

    String kind;

    String text;

    protected GuestMessage() {
    }

    public GuestMessage(long reservationId, String kind, String text) {
        this.reservationId = reservationId;
        this.kind = kind;
        this.text = text;
    }

    public String getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }
}
