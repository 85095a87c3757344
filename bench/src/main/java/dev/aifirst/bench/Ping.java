package dev.aifirst.bench;

import dev.aifirst.annotations.Event;
import dev.aifirst.annotations.Events;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An entity whose creation is an immediate event, for the dispatch-latency benchmark. */
@Entity
@Events(@Event(name = "ping_sent"))
public class Ping {

    @Id
    @GeneratedValue
    Long id;

    long sentAtNanos;

    protected Ping() {
    }

    public Ping(long sentAtNanos) {
        this.sentAtNanos = sentAtNanos;
    }

    public Long getId() {
        return id;
    }
}
