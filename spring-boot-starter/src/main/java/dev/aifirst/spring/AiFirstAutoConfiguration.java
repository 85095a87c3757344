package dev.aifirst.spring;

import dev.aifirst.AiFirst;
import dev.aifirst.spi.Instances;
import dev.aifirst.testing.TimeMachine;
import dev.langchain4j.model.chat.ChatModel;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The AI-First runtime in a Spring Boot application: on the application's {@code DataSource} and
 * {@code EntityManagerFactory}, with Spring beans as the handlers and workflows, started and stopped
 * with the context, joining the {@code @Transactional} method's transaction when a run is started or
 * signalled inside one, and running handlers and steps in transactions of the application's
 * {@code JpaTransactionManager}. Each bean backs off when the application defines its own.
 */
// After the DataSource and JPA auto-configurations, named as Boot 3 and Boot 4 place them.
@AutoConfiguration(afterName = {
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
    "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(AiFirstProperties.class)
public class AiFirstAutoConfiguration {

    /** Beans are the handlers and workflows; classes that are not beans are created with injection. */
    @Bean
    @ConditionalOnMissingBean
    Instances aifirstInstances(ConfigurableListableBeanFactory beanFactory) {
        return new SpringInstances(beanFactory);
    }

    /**
     * The runtime, wired but not yet executing work (the lifecycle below starts it). A
     * {@code TimeMachine} bean, as a test declares, runs it on a controllable clock.
     */
    @Bean
    @ConditionalOnMissingBean
    AiFirst aiFirst(DataSource dataSource, ObjectProvider<EntityManagerFactory> entityManagerFactory,
            AiFirstProperties properties, Instances instances, ObjectProvider<TimeMachine> timeMachine,
            ObjectProvider<ChatModel> chatModel, ObjectProvider<PlatformTransactionManager> transactionManager,
            ObjectProvider<AiFirstBuilderCustomizer> customizers) {
        AiFirst.Builder builder = AiFirst.builder()
                .dataSource(dataSource)
                .instances(instances)
                .threads(properties.getThreads())
                .pollingInterval(properties.getPollingInterval())
                .takeoverAfter(properties.getTakeoverAfter())
                .migrationMode(properties.getMigrationMode())
                .schedulerTable(properties.getSchedulerTable());
        if (!properties.getOnlyPackages().isEmpty()) {
            builder.onlyPackages(properties.getOnlyPackages().toArray(String[]::new));
        }
        if (properties.getNodeName() != null) {
            builder.nodeName(properties.getNodeName());
        }
        EntityManagerFactory emf = entityManagerFactory.getIfUnique();
        if (emf != null) {
            builder.entityManagerFactory(emf).currentEntityManager(springTransaction(emf));
            // Handlers and steps in transactions of the application's JPA transaction manager, when it
            // manages this factory: the application's code inside them works in the same transaction.
            if (transactionManager.getIfUnique() instanceof JpaTransactionManager jpa
                    && jpa.getEntityManagerFactory() == emf) {
                builder.entityTransactions(new SpringEntityTransactions(jpa));
            }
        }
        timeMachine.ifAvailable(builder::timeMachine);
        chatModel.ifUnique(builder::chatModel);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    @Bean
    AiFirstLifecycle aifirstLifecycle(AiFirst runtime) {
        return new AiFirstLifecycle(runtime);
    }

    /**
     * The entity manager of the Spring-managed transaction the calling thread is in (a
     * {@code @Transactional} method, a {@code TransactionTemplate}), or {@code null} outside one, where
     * {@code start} and {@code signal} commit on their own. An entity manager bound without a
     * transaction (open-in-view) is not one to join.
     */
    private static Supplier<EntityManager> springTransaction(EntityManagerFactory emf) {
        return () -> TransactionSynchronizationManager.isActualTransactionActive()
                ? EntityManagerFactoryUtils.getTransactionalEntityManager(emf)
                : null;
    }
}
