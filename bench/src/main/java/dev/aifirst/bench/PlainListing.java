package dev.aifirst.bench;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.time.Instant;

/** {@link Listing} without events: the baseline of the event-sync benchmark. */
@Entity
public class PlainListing {

    @Id
    @GeneratedValue
    Long id;

    String title;

    boolean published;

    Instant availableFrom;

    protected PlainListing() {
    }

    public PlainListing(String title, boolean published, Instant availableFrom) {
        this.title = title;
        this.published = published;
        this.availableFrom = availableFrom;
    }
}
