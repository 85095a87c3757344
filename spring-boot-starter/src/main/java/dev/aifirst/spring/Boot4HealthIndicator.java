package dev.aifirst.spring;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** The {@code aifirst} health indicator on Spring Boot 4's health API. */
final class Boot4HealthIndicator extends AbstractHealthIndicator {

    private final RuntimeHealth health;

    Boot4HealthIndicator(RuntimeHealth health) {
        super("AI-First health check failed");
        this.health = health;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        RuntimeHealth.Report report = health.check();
        (report.up() ? builder.up() : builder.down()).withDetails(report.details());
    }
}
