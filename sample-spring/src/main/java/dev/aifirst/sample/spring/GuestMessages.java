package dev.aifirst.sample.spring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GuestMessages extends JpaRepository<GuestMessage, Long> {

    List<GuestMessage> findByReservationIdOrderById(long reservationId);
}
