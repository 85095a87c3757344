package dev.aifirst.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A guest of the property. */
@Entity
public class Guest {

    @Id
    @GeneratedValue
    Long id;

    String name;

    String email;

    protected Guest() {
    }

    public Guest(String name, String email) {
        this.name = name;
        this.email = email;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }
}
