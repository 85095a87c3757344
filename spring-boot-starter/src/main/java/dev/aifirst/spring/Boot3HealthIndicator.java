package dev.aifirst.spring;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** The {@code aifirst} health indicator on Spring Boot 3's Actuator. */
final class Boot3HealthIndicator extends AbstractHealthIndicator {

    private final RuntimeHealth health;

    Boot3HealthIndicator(RuntimeHealth health) {
        super("AI-First health check failed");
        this.health = health;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        RuntimeHealth.Report report = health.check();
        (report.up() ? builder.up() : builder.down()).withDetails(report.details());
    }
}
