package dev.aifirst.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aifirst.AiFirst;
import dev.aifirst.PageRequest;
import dev.aifirst.events.DeliveryQuery;
import dev.aifirst.events.DeliveryRecord;
import dev.aifirst.events.DeliveryStatus;
import dev.aifirst.spi.Instances;
import dev.aifirst.spring.app.BookingDesk;
import dev.aifirst.spring.app.Greeter;
import dev.aifirst.spring.app.Guestbook;
import dev.aifirst.spring.app.StarterTestApplication;
import dev.aifirst.spring.testsupport.DatabaseTest;
import dev.aifirst.testing.TimeMachine;
import dev.langchain4j.model.chat.ChatModel;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The runtime starts and stops with the context, and each of the starter's beans yields to the application's. */
@DatabaseTest
class LifecycleTest {

    private static ConfigurableApplicationContext run(Class<?>... configuration) {
        Class<?>[] sources = new Class<?>[configuration.length + 1];
        sources[0] = StarterTestApplication.class;
        System.arraycopy(configuration, 0, sources, 1, configuration.length);
        return new SpringApplicationBuilder(sources).run();
    }

    @Test
    void theRuntimeExecutesWorkOnlyWhileTheContextRuns() {
        AiFirst runtime;
        try (ConfigurableApplicationContext context = run(TimeMachineConfiguration.class)) {
            runtime = context.getBean(AiFirst.class);
            assertThat(runtime.isRunning()).isTrue();

            context.stop();
            assertThat(runtime.isRunning()).as("after the context stopped").isFalse();
        }
        assertThat(runtime.isRunning()).as("after the context closed").isFalse();
    }

    @Test
    void theRuntimeIsClosedWhenTheContextCloses() {
        AiFirst runtime;
        try (ConfigurableApplicationContext context = run(TimeMachineConfiguration.class)) {
            runtime = context.getBean(AiFirst.class);
        }
        assertThat(runtime.isRunning()).isFalse();
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnInstances {
        static final List<Class<?>> ASKED = new CopyOnWriteArrayList<>();

        @Bean
        Instances instances(AutowireCapableBeanFactory beans) {
            return new Instances() {
                @Override
                public <T> T get(Class<T> type, java.util.function.Supplier<T> fallback) {
                    ASKED.add(type);
                    return beans.getBeanProvider(type).getIfAvailable(() -> beans.createBean(type));
                }
            };
        }
    }

    @Test
    void anInstancesBeanOfTheApplicationSuppliesTheHandlers() {
        OwnInstances.ASKED.clear();
        try (ConfigurableApplicationContext context = run(TimeMachineConfiguration.class, OwnInstances.class)) {
            context.getBean(BookingDesk.class).book("Alan", false);
            context.getBean(TimeMachine.class).runDue();

            assertThat(OwnInstances.ASKED).contains(Greeter.class);
            assertThat(context.getBean(Guestbook.class).lines()).contains("confirmation sent to Alan");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRuntime {
        static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

        @Bean
        AiFirst ownRuntime(DataSource dataSource, EntityManagerFactory emf) {
            return AiFirst.builder().dataSource(dataSource).entityManagerFactory(emf).clock(CLOCK).build();
        }
    }

    @Test
    void anAiFirstBeanOfTheApplicationIsTheRuntimeAndIsStartedWithTheContext() {
        try (ConfigurableApplicationContext context = run(OwnRuntime.class)) {
            AiFirst runtime = context.getBean(AiFirst.class);

            assertThat(runtime.clock()).isSameAs(OwnRuntime.CLOCK);
            assertThat(runtime.isRunning()).isTrue();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customized {
        static final Clock CLOCK = Clock.fixed(Instant.parse("2031-01-01T00:00:00Z"), ZoneOffset.UTC);

        @Bean
        AiFirstBuilderCustomizer fixedClock() {
            return builder -> builder.clock(CLOCK);
        }
    }

    @Test
    void aCustomizerAdjustsTheBuilderBeforeTheRuntimeIsBuilt() {
        try (ConfigurableApplicationContext context = run(Customized.class)) {
            assertThat(context.getBean(AiFirst.class).clock()).isSameAs(Customized.CLOCK);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WithChatModel {
        static final ChatModel MODEL = new ChatModel() {
        };

        @Bean
        ChatModel chatModel() {
            return MODEL;
        }
    }

    @Test
    void aChatModelBeanIsTheModelOfTheRuntime() {
        try (ConfigurableApplicationContext context = run(TimeMachineConfiguration.class, WithChatModel.class)) {
            assertThat(context.getBean(AiFirst.class).chatModel()).isSameAs(WithChatModel.MODEL);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoGreeters {
        @Bean
        Greeter secondGreeter(Guestbook guestbook) {
            return new Greeter(guestbook);
        }
    }

    @Test
    void twoBeansOfAHandlersClassFailItsDeliveryNamingBoth() {
        try (ConfigurableApplicationContext context = run(TimeMachineConfiguration.class, TwoGreeters.class)) {
            context.getBean(BookingDesk.class).book("Kristen", false);
            context.getBean(TimeMachine.class).runDue();

            List<DeliveryRecord> deliveries = context.getBean(AiFirst.class).events()
                    .deliveries(DeliveryQuery.all().toSubscriber(Greeter.class.getName() + "#greet"),
                            PageRequest.first(10)).items();
            assertThat(deliveries).singleElement().satisfies(delivery -> {
                assertThat(delivery.status()).isNotEqualTo(DeliveryStatus.DONE);
                assertThat(delivery.lastError()).contains("greeter", "secondGreeter");
            });
        }
    }
}
