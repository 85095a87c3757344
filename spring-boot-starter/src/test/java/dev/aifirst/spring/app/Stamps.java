package dev.aifirst.spring.app;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Stamps extends JpaRepository<Stamp, Long> {

    long countByGuest(String guest);
}
