package dev.aifirst.spring;

import dev.aifirst.AiFirst;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Actuator health indicator {@code aifirst} ({@code /actuator/health/aifirst}): whether the
 * runtime's workers run, and its backlog. Boot 4 moved the health API to another package, so there
 * is one indicator per Boot generation, each made only where its classes are;
 * {@code management.health.aifirst.enabled=false} turns it off.
 */
@AutoConfiguration(after = AiFirstAutoConfiguration.class)
@ConditionalOnBean(AiFirst.class)
@ConditionalOnProperty(prefix = "management.health.aifirst", name = "enabled", matchIfMissing = true)
public class AiFirstHealthAutoConfiguration {

    /** Spring Boot 4: {@code org.springframework.boot.health}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4 {

        @Bean
        @ConditionalOnMissingBean(name = "aifirstHealthIndicator")
        Boot4HealthIndicator aifirstHealthIndicator(AiFirst runtime, AiFirstProperties properties) {
            return new Boot4HealthIndicator(new RuntimeHealth(runtime, properties.getHealth().getMaxDueAge()));
        }
    }

    /** Spring Boot 3: {@code org.springframework.boot.actuate.health}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Boot3 {

        @Bean
        @ConditionalOnMissingBean(name = "aifirstHealthIndicator")
        Boot3HealthIndicator aifirstHealthIndicator(AiFirst runtime, AiFirstProperties properties) {
            return new Boot3HealthIndicator(new RuntimeHealth(runtime, properties.getHealth().getMaxDueAge()));
        }
    }
}
