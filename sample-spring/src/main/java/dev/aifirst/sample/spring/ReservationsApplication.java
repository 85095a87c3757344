package dev.aifirst.sample.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Reservations of a holiday property, as a Spring Boot application: the AI-First starter runs the
 * guest journey (welcome, reminder, door code, refund) on the application's database, with its beans.
 */
@SpringBootApplication
public class ReservationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReservationsApplication.class, args);
    }
}
