package dev.aifirst.spring.app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A row a handler writes through a Spring Data repository. */
@Entity
public class Stamp {

    @Id
    @GeneratedValue
    Long id;

    String guest;

    protected Stamp() {
    }

    public Stamp(String guest) {
        this.guest = guest;
    }
}
