package dev.aifirst;

import com.github.kagkarlsson.scheduler.task.Task;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aifirst.agents.Agents;
import dev.aifirst.events.Events;
import dev.aifirst.internal.agents.AgentEngine;
import dev.aifirst.internal.agents.RuntimeAgents;
import dev.aifirst.internal.deployment.Deployment;
import dev.aifirst.internal.events.EventEngine;
import dev.aifirst.internal.events.RuntimeEvents;
import dev.aifirst.internal.observability.MicrometerMetrics;
import dev.aifirst.internal.observability.Observability;
import dev.aifirst.internal.observability.OpenTelemetryTracing;
import dev.aifirst.internal.observability.RuntimeMetrics;
import dev.aifirst.internal.observability.Tracing;
import dev.aifirst.internal.persistence.CallerTransactions;
import dev.aifirst.internal.persistence.Database;
import dev.aifirst.internal.persistence.Migrations;
import dev.aifirst.internal.persistence.SchedulerTable;
import dev.aifirst.internal.persistence.SchemaValidation;
import dev.aifirst.internal.persistence.SessionTransactions;
import dev.aifirst.internal.scheduling.Executions;
import dev.aifirst.internal.scheduling.SchedulerSettings;
import dev.aifirst.internal.scheduling.Scheduling;
import dev.aifirst.internal.workflows.RuntimeWorkflows;
import dev.aifirst.internal.workflows.WorkflowEngine;
import dev.aifirst.spi.EntityTransactions;
import dev.aifirst.spi.Instances;
import dev.aifirst.testing.TimeMachine;
import dev.aifirst.workflows.RunQuery;
import dev.aifirst.workflows.Workflows;
import dev.langchain4j.model.chat.ChatModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AI-First runtime: business events, durable workflows and business agents on one database.
 *
 * <pre>{@code
 * AiFirst runtime = AiFirst.builder()
 *         .dataSource(dataSource)            // default: embedded H2 file database
 *         .entityManagerFactory(emf)         // the application's Hibernate setup
 *         .start();
 * }</pre>
 *
 * <p>Everything it runs was found at compile time: the processor writes registries under
 * {@code META-INF/services}, and the runtime reads them with {@link java.util.ServiceLoader}.
 */
public final class AiFirst implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AiFirst.class);

    private final Database database;
    private final Clock clock;
    private final Scheduling scheduling;
    private final EventEngine eventEngine;
    private final Events events;
    private final Workflows workflows;
    private final Agents agents;
    private final ChatModel chatModel;
    private final AutoCloseable ownedDataSource;
    private final AtomicReference<State> state = new AtomicReference<>(State.READY);

    /** A runtime is built ready, executes work once started, and stays stopped once closed. */
    private enum State { READY, RUNNING, CLOSED }

    private AiFirst(Database database, Clock clock, Scheduling scheduling, EventEngine eventEngine,
            WorkflowEngine workflowEngine, AgentEngine agentEngine, CallerTransactions callers, ChatModel chatModel,
            AutoCloseable ownedDataSource) {
        this.database = database;
        this.clock = clock;
        this.scheduling = scheduling;
        this.eventEngine = eventEngine;
        this.events = new RuntimeEvents(eventEngine);
        this.workflows = new RuntimeWorkflows(workflowEngine, eventEngine.registry(), callers);
        this.agents = new RuntimeAgents(agentEngine);
        this.chatModel = chatModel;
        this.ownedDataSource = ownedDataSource;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Business events: queries, resync after bulk changes, purge. */
    public Events events() {
        return events;
    }

    /** Durable workflows: start, signal, cancel, and queries of runs with their step history. */
    public Workflows workflows() {
        return workflows;
    }

    /** Business agents: spawn, finish, and queries of agents with their journals. */
    public Agents agents() {
        return agents;
    }

    /**
     * What the scheduler holds now: work due and not yet picked, the oldest due time, work running,
     * and executions whose last tries failed (parked until their next attempt).
     */
    public Backlog backlog() {
        Executions executions = Executions.of(database);
        return database.inAutoCommit(c -> executions.backlog(c, clock.instant()));
    }

    /** The clock the runtime reads. */
    public Clock clock() {
        return clock;
    }

    /** The chat model steps and agents call, or {@code null} if none was configured. */
    public ChatModel chatModel() {
        return chatModel;
    }

    /** The runtime's database. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /**
     * Starts executing work: the scheduler's workers begin to pick what is due. A runtime made with
     * {@link Builder#start()} is started already; one made with {@link Builder#build()} starts here.
     * Calling it again does nothing.
     *
     * @throws IllegalStateException if the runtime was closed: a closed runtime does not start again
     */
    public void start() {
        if (state.compareAndSet(State.READY, State.RUNNING)) {
            scheduling.start();
        } else if (state.get() == State.CLOSED) {
            throw new IllegalStateException("This AI-First runtime was closed; build a new one to execute work again");
        }
    }

    /** Whether the runtime executes work: started and not closed. */
    public boolean isRunning() {
        return state.get() == State.RUNNING;
    }

    /**
     * Stops the scheduler (running work finishes first) and, if the runtime created it, the data source.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        if (state.getAndSet(State.CLOSED) == State.CLOSED) {
            return;
        }
        scheduling.close();
        eventEngine.stop();
        if (ownedDataSource != null) {
            try {
                ownedDataSource.close();
            } catch (Exception e) {
                LOG.warn("Closing the embedded database failed", e);
            }
        }
    }

    /** Configures and starts a runtime. */
    public static final class Builder {

        /** The default database: an H2 file under the working directory. */
        public static final String DEFAULT_H2_URL = "jdbc:h2:file:./aifirst-data/aifirst";

        private DataSource dataSource;
        private EntityManagerFactory entityManagerFactory;
        private Supplier<? extends EntityManager> currentEntityManager;
        private Clock clock = Clock.systemUTC();
        private ChatModel chatModel;
        private Instances instances;
        private EntityTransactions entityTransactions;
        private TimeMachine timeMachine;
        private ClassLoader classLoader;
        private SchedulerSettings scheduler = SchedulerSettings.defaults();
        private MeterRegistry meterRegistry;
        private OpenTelemetry openTelemetry;
        private String schedulerTable = SchedulerTable.DEFAULT_NAME;
        private MigrationMode migrationMode = MigrationMode.MIGRATE;
        private final List<Class<?>> onlyClasses = new ArrayList<>();
        private final List<String> onlyPackages = new ArrayList<>();

        private Builder() {
        }

        /** The database of the runtime's tables; the same database as the application's entities. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** The application's Hibernate setup, whose entities' events the runtime keeps in sync. */
        public Builder entityManagerFactory(EntityManagerFactory entityManagerFactory) {
            this.entityManagerFactory = Objects.requireNonNull(entityManagerFactory, "entityManagerFactory");
            return this;
        }

        /**
         * How {@code workflows().start} and {@code signal} find the transaction the calling thread is
         * in, to join it: {@code currentEntityManager} returns the entity manager of that transaction,
         * or {@code null} when there is none (then the call commits on its own). By default the
         * runtime asks Hibernate for its current session ({@code SessionFactory.getCurrentSession()})
         * when the application configured {@code hibernate.current_session_context_class}, and finds
         * no transaction otherwise. With Spring:
         * {@code .currentEntityManager(() -> EntityManagerFactoryUtils.getTransactionalEntityManager(emf))}.
         */
        public Builder currentEntityManager(Supplier<? extends EntityManager> currentEntityManager) {
            this.currentEntityManager = Objects.requireNonNull(currentEntityManager, "currentEntityManager");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The model LLM steps and agents call. */
        public Builder chatModel(ChatModel chatModel) {
            this.chatModel = chatModel;
            return this;
        }

        /**
         * Supplies the objects whose annotated methods the runtime calls (a dependency-injection
         * container's beans). Default: one instance per class, made with its no-argument constructor.
         */
        public Builder instances(Instances instances) {
            this.instances = Objects.requireNonNull(instances, "instances");
            return this;
        }

        /**
         * Keeps the runtime's meters in this Micrometer registry (names and tags: docs/observability.md).
         * Micrometer is an optional dependency: without this call the runtime needs none.
         */
        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
            return this;
        }

        /**
         * Traces through this OpenTelemetry: the trace context of the request that saves an entity or
         * starts a run is stored with the event or run, and handlers and steps run in spans that are its
         * children, on any node, however much later (docs/observability.md). OpenTelemetry is an
         * optional dependency: without this call the runtime needs none.
         */
        public Builder openTelemetry(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
            return this;
        }

        /**
         * Runs the runtime's transactions on the application's entities (a handler's delivery, a step)
         * with the application's transaction management, so that its code inside them (a repository)
         * works in the same transaction. Default: resource-local transactions of the
         * {@code entityManagerFactory}. The Spring Boot starter passes Spring's.
         */
        public Builder entityTransactions(EntityTransactions entityTransactions) {
            this.entityTransactions = Objects.requireNonNull(entityTransactions, "entityTransactions");
            return this;
        }

        /** Worker threads (default 10). */
        public Builder threads(int threads) {
            scheduler = new SchedulerSettings(threads, scheduler.pollingInterval(), scheduler.heartbeatInterval(),
                    scheduler.schedulerName());
            return this;
        }

        /** How often the database is polled for due work (default 5 s); immediate work never waits for it. */
        public Builder pollingInterval(Duration pollingInterval) {
            scheduler = new SchedulerSettings(scheduler.threads(), pollingInterval, scheduler.heartbeatInterval(),
                    scheduler.schedulerName());
            return this;
        }

        /**
         * How often running work proves this node alive (default 30 s). After six missed heartbeats
         * (three minutes by default) another node takes the work over; {@link #takeoverAfter} sets
         * that delay directly.
         */
        public Builder heartbeatInterval(Duration heartbeatInterval) {
            Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
            if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
                throw new IllegalArgumentException("heartbeatInterval must be positive, was " + heartbeatInterval);
            }
            scheduler = new SchedulerSettings(scheduler.threads(), scheduler.pollingInterval(), heartbeatInterval,
                    scheduler.schedulerName());
            return this;
        }

        /**
         * How long after a node stops (a crash, a kill, a lost network) another node takes over the
         * work it held (default 3 minutes). Shorter means faster recovery and more frequent
         * heartbeat writes: the heartbeat interval is a sixth of it.
         */
        public Builder takeoverAfter(Duration takeover) {
            Objects.requireNonNull(takeover, "takeover");
            return heartbeatInterval(takeover.dividedBy(SchedulerSettings.MISSED_HEARTBEATS));
        }

        /** This node's name in a cluster (default: the host name). */
        public Builder nodeName(String nodeName) {
            scheduler = new SchedulerSettings(scheduler.threads(), scheduler.pollingInterval(),
                    scheduler.heartbeatInterval(), nodeName);
            return this;
        }

        /** Runs the runtime on a test's controllable clock, without background threads. */
        public Builder timeMachine(TimeMachine timeMachine) {
            this.timeMachine = Objects.requireNonNull(timeMachine, "timeMachine");
            this.clock = timeMachine.clock();
            return this;
        }

        /**
         * The name of db-scheduler's table (default {@code scheduled_tasks}, db-scheduler's own default).
         * A table of that name that exists already, such as the application's own db-scheduler table,
         * is reused if it has db-scheduler's columns; otherwise the runtime creates it.
         */
        public Builder schedulerTable(String tableName) {
            this.schedulerTable = SchedulerTable.checkName(tableName);
            return this;
        }

        /**
         * What the runtime does with its schema when it starts (default {@link MigrationMode#MIGRATE}):
         * {@link MigrationMode#VALIDATE} or {@link MigrationMode#NONE} when the application's own Flyway or
         * Liquibase runs the runtime's scripts.
         */
        public Builder migrationMode(MigrationMode migrationMode) {
            this.migrationMode = Objects.requireNonNull(migrationMode, "migrationMode");
            return this;
        }

        /**
         * Deploys only the {@code @OnEvent} handlers and {@code @Workflow}s of these classes (and of the
         * packages named with {@link #onlyPackages}); by default everything on the class path is deployed.
         * A class that declares neither makes {@link #start()} fail.
         */
        public Builder only(Class<?>... classes) {
            for (Class<?> type : classes) {
                onlyClasses.add(Objects.requireNonNull(type, "class"));
            }
            return this;
        }

        /** {@link #onlyPackages(String...)} by {@link Package}s, such as {@code Billing.class.getPackage()}. */
        public Builder only(Package... packages) {
            for (Package pkg : packages) {
                onlyPackages(Objects.requireNonNull(pkg, "package").getName());
            }
            return this;
        }

        /**
         * Deploys only the {@code @OnEvent} handlers and {@code @Workflow}s of classes in these packages
         * or below them (and of the classes named with {@link #only(Class[])}). A package in which none is
         * found makes {@link #start()} fail.
         */
        public Builder onlyPackages(String... packages) {
            for (String name : packages) {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("onlyPackages needs package names, was '" + name + "'");
                }
                onlyPackages.add(name);
            }
            return this;
        }

        /** Where to find the generated registries (default: this thread's context class loader). */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /** Migrates or checks the schema, hooks into Hibernate and starts executing work: {@code build().start()}. */
        public AiFirst start() {
            AiFirst runtime = build();
            runtime.start();
            return runtime;
        }

        /**
         * Migrates or checks the schema and hooks into Hibernate, without executing work yet: entity changes
         * already become events, and runs can be started, but nothing is executed until
         * {@link AiFirst#start()}. For a container that starts its components after wiring them
         * (Spring's {@code SmartLifecycle}).
         */
        public AiFirst build() {
            HikariDataSource owned = null;
            DataSource source = dataSource;
            if (source == null) {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(DEFAULT_H2_URL);
                config.setUsername("sa");
                config.setPoolName("aifirst-h2");
                owned = new HikariDataSource(config);
                source = owned;
            }
            try {
                Database database = new Database(source, schedulerTable);
                switch (migrationMode) {
                    case MIGRATE -> new Migrations(database).migrate();
                    case VALIDATE -> new SchemaValidation(database).validate();
                    case NONE -> { }
                }
                ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
                Deployment deployment = Deployment.only(loader, onlyClasses, onlyPackages);
                Instances objects = instances != null ? instances : new SingletonInstances();
                SessionTransactions transactions = new SessionTransactions(entityManagerFactory, entityTransactions);
                if (migrationMode != MigrationMode.NONE) { // NONE takes the application's word for the schema
                    transactions.requireSameDatabase(database);
                }
                // Referenced only when a registry was given, so that Micrometer stays optional.
                MicrometerMetrics micrometer = meterRegistry == null ? null : new MicrometerMetrics(meterRegistry);
                Observability observability = new Observability(micrometer == null ? RuntimeMetrics.NONE : micrometer,
                        openTelemetry == null ? Tracing.NONE : new OpenTelemetryTracing(openTelemetry));
                EventEngine eventEngine = new EventEngine(database, clock, transactions, objects, deployment,
                        observability);
                WorkflowEngine workflowEngine = new WorkflowEngine(database, clock, eventEngine, transactions, objects,
                        chatModel, deployment, observability);
                CallerTransactions callers = new CallerTransactions(database, entityManagerFactory,
                        currentEntityManager);
                AgentEngine agentEngine = new AgentEngine(database, clock, eventEngine, transactions, objects,
                        deployment);
                deployment.requireEverythingListedFound();
                List<Task<?>> tasks = new ArrayList<>(eventEngine.tasks());
                tasks.addAll(workflowEngine.tasks());
                tasks.addAll(agentEngine.tasks());
                Scheduling scheduling = timeMachine != null
                        ? Scheduling.manual(database, timeMachine.schedulerClock(), tasks)
                        : Scheduling.polling(database, clock, tasks, scheduler);
                eventEngine.start(scheduling);
                workflowEngine.start(scheduling);
                agentEngine.start(scheduling);
                if (timeMachine != null) {
                    timeMachine.attach(scheduling);
                }
                AiFirst runtime = new AiFirst(database, clock, scheduling, eventEngine, workflowEngine, agentEngine,
                        callers, chatModel, owned);
                if (micrometer != null) {
                    micrometer.bindGauges(status -> runtime.workflows().count(RunQuery.withStatus(status)),
                            runtime::backlog, clock);
                }
                return runtime;
            } catch (RuntimeException e) {
                if (owned != null) {
                    owned.close();
                }
                throw e;
            }
        }
    }

    /** The default {@link Instances}: one object per class, made on first use. */
    private static final class SingletonInstances implements Instances {
        private final Map<Class<?>, Object> objects = new ConcurrentHashMap<>();

        @Override
        public <T> T get(Class<T> type, Supplier<T> fallback) {
            return type.cast(objects.computeIfAbsent(type, t -> fallback.get()));
        }
    }
}
