package dev.aifirst.spring.app;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Bookings extends JpaRepository<Booking, Long> {

    long countByGuest(String guest);
}
