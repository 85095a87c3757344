package dev.aifirst.bench;

import dev.aifirst.annotations.Event;
import dev.aifirst.annotations.Events;
import dev.aifirst.annotations.Trigger;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.time.Instant;

/** An entity with three events: one immediate, one conditional on two triggers, one scheduled. */
@Entity
@Events({
    @Event(name = "listing_created"),
    @Event(name = "listing_published", when = "isPublished", on = {Trigger.CREATE, Trigger.UPDATE}),
    @Event(name = "listing_available", at = "availableFrom"),
})
public class Listing {

    @Id
    @GeneratedValue
    Long id;

    String title;

    boolean published;

    Instant availableFrom;

    protected Listing() {
    }

    public Listing(String title, boolean published, Instant availableFrom) {
        this.title = title;
        this.published = published;
        this.availableFrom = availableFrom;
    }

    boolean isPublished() {
        return published;
    }

    public Long getId() {
        return id;
    }

    public Instant getAvailableFrom() {
        return availableFrom;
    }
}
