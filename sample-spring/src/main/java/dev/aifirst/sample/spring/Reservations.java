package dev.aifirst.sample.spring;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Reservations extends JpaRepository<Reservation, Long> {
}
