package dev.aifirst.spring;

import dev.aifirst.testing.TimeMachine;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A test's TimeMachine bean: the starter runs the runtime on it, with no background threads. */
@Configuration(proxyBeanMethods = false)
class TimeMachineConfiguration {

    static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    @Bean
    TimeMachine timeMachine() {
        return TimeMachine.startingAt(T0);
    }
}
