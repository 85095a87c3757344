package dev.aifirst.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aifirst.AiFirst;
import dev.aifirst.events.Events;
import dev.aifirst.workflows.Workflows;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test a runtime on a fresh database, driven by a
 * {@link TimeMachine}: nothing runs in the background, and {@code time.advance(Duration.ofDays(14))}
 * runs two weeks of events, handlers and workflow steps in order, in the test's thread.
 *
 * <pre>{@code
 * class GuestJourneyTest {
 *
 *     @RegisterExtension
 *     static final AiFirstExtension aifirst = AiFirstExtension.builder()
 *             .entities(Reservation.class, Guest.class)
 *             .startingAt(Instant.parse("2026-06-01T09:00:00Z"))
 *             .build();
 *
 *     @Test
 *     void theGuestIsWelcomed(AiFirst runtime, TimeMachine time, EntityManagerFactory emf) {
 *         ... save a reservation with emf ...
 *         time.advance(Duration.ofDays(1));
 *         ... assert on runtime.events() and runtime.workflows() ...
 *     }
 * }
 * }</pre>
 *
 * <p>Test methods (and {@code @BeforeEach} methods) may declare parameters of the types
 * {@link AiFirst}, {@link TimeMachine}, {@link EntityManagerFactory}, {@link DataSource},
 * {@link Events} and {@link Workflows}; or read them from the extension. By default the database is
 * a new in-memory H2 per test and Hibernate creates the entities' tables; both can be replaced.
 */
public final class AiFirstExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final List<Class<?>> RESOLVED = List.of(AiFirst.class, TimeMachine.class,
            EntityManagerFactory.class, DataSource.class, Events.class, Workflows.class);

    private final Builder settings;
    private volatile Running current;

    private AiFirstExtension(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What one test runs on; closed after it, in reverse order of opening. */
    private record Running(DataSource dataSource, EntityManagerFactory entityManagerFactory, TimeMachine time,
            AiFirst runtime) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        DataSource dataSource = settings.dataSource.get();
        EntityManagerFactory emf = null;
        try {
            emf = settings.entityManagerFactory.apply(dataSource);
            TimeMachine time = TimeMachine.startingAt(settings.start, settings.zone);
            AiFirst.Builder builder = AiFirst.builder().dataSource(dataSource).timeMachine(time);
            if (emf != null) {
                builder.entityManagerFactory(emf);
            }
            settings.configuration.accept(builder);
            current = new Running(dataSource, emf, time, builder.start());
        } catch (RuntimeException | Error e) {
            close(emf);
            close(dataSource);
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Running running = current;
        current = null;
        if (running != null) {
            running.runtime().close();
            close(running.entityManagerFactory());
            close(running.dataSource());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        Running running = current;
        if (running == null) {
            throw new ParameterResolutionException("AiFirstExtension provides a " + type.getSimpleName()
                    + " to test methods and @BeforeEach methods only (register it with @RegisterExtension)");
        }
        if (type == AiFirst.class) {
            return running.runtime();
        } else if (type == TimeMachine.class) {
            return running.time();
        } else if (type == EntityManagerFactory.class) {
            if (running.entityManagerFactory() == null) {
                throw new ParameterResolutionException("No EntityManagerFactory: name the test's entity classes with"
                        + " AiFirstExtension.builder().entities(...) or give one with entityManagerFactory(...)");
            }
            return running.entityManagerFactory();
        } else if (type == DataSource.class) {
            return running.dataSource();
        } else if (type == Events.class) {
            return running.runtime().events();
        }
        return running.runtime().workflows();
    }

    /** The running test's runtime. */
    public AiFirst runtime() {
        return running().runtime();
    }

    /** The running test's time machine. */
    public TimeMachine time() {
        return running().time();
    }

    /** The running test's Hibernate setup, or {@code null} without entities. */
    public EntityManagerFactory entityManagerFactory() {
        return running().entityManagerFactory();
    }

    /** The running test's database. */
    public DataSource dataSource() {
        return running().dataSource();
    }

    private Running running() {
        Running running = current;
        if (running == null) {
            throw new IllegalStateException("No test is running: the runtime exists from each test's start to its end");
        }
        return running;
    }

    private static void close(Object resource) {
        if (resource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("Closing " + resource + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** Configures an {@link AiFirstExtension}. */
    public static final class Builder {

        private Instant start = Instant.parse("2026-01-01T00:00:00Z");
        private ZoneId zone = ZoneOffset.UTC;
        private Supplier<? extends DataSource> dataSource = Builder::freshH2;
        private Function<DataSource, EntityManagerFactory> entityManagerFactory = source -> null;
        private Consumer<AiFirst.Builder> configuration = builder -> { };

        private Builder() {
        }

        /** Where each test's clock starts (default {@code 2026-01-01T00:00:00Z}). */
        public Builder startingAt(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /** The zone in which the clock reads local dates (default UTC). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The application's entity classes: each test gets a Hibernate session factory over them,
         * with their tables created on its fresh database.
         */
        public Builder entities(Class<?>... entities) {
            List<Class<?>> classes = List.of(entities);
            this.entityManagerFactory = source -> {
                // Hibernate's own Configuration, which 6.6 and 7.x both have (JPA 3.2's
                // PersistenceConfiguration needs Hibernate 7).
                Configuration configuration = new Configuration();
                classes.forEach(configuration::addAnnotatedClass);
                configuration.getProperties().put(AvailableSettings.DATASOURCE, source);
                configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "create");
                return configuration.buildSessionFactory();
            };
            return this;
        }

        /** Builds each test's Hibernate setup on its database, instead of {@link #entities}. */
        public Builder entityManagerFactory(Function<DataSource, EntityManagerFactory> factory) {
            this.entityManagerFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * Opens each test's database (default: a new in-memory H2). One that is {@link AutoCloseable}
         * is closed after the test.
         */
        public Builder dataSource(Supplier<? extends DataSource> dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** Further settings of each test's runtime: a chat model, the instances of handlers, ... */
        public Builder configure(Consumer<AiFirst.Builder> configuration) {
            this.configuration = Objects.requireNonNull(configuration, "configuration");
            return this;
        }

        public AiFirstExtension build() {
            return new AiFirstExtension(this);
        }

        /** An in-memory H2 database of its own, dropped when the pool closes. */
        private static DataSource freshH2() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:h2:mem:aifirst-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            config.setUsername("sa");
            config.setPoolName("aifirst-test");
            return new HikariDataSource(config) {
                @Override
                public void close() {
                    try (Connection connection = getConnection(); Statement statement = connection.createStatement()) {
                        statement.execute("SHUTDOWN");
                    } catch (SQLException e) {
                        // already gone: nothing to free
                    }
                    super.close();
                }
            };
        }
    }
}
