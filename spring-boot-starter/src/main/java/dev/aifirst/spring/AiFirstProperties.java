package dev.aifirst.spring;

import dev.aifirst.MigrationMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code aifirst.*} properties of a Spring Boot application: how the runtime executes its work.
 * Everything else comes from the application's beans (its {@code DataSource} and
 * {@code EntityManagerFactory}, a {@code ChatModel}) or from an {@link AiFirstBuilderCustomizer}.
 */
@ConfigurationProperties(prefix = "aifirst")
public class AiFirstProperties {

    /** Worker threads that execute due work: handlers, workflow steps, events that occur. */
    private int threads = 10;

    /**
     * How often the database is polled for due work. Work made due by a commit of this node is
     * picked at once, whatever the interval.
     */
    private Duration pollingInterval = Duration.ofSeconds(5);

    /** This node's name in a cluster, recorded with the work it picks. Default: the host name. */
    private String nodeName;

    /**
     * How long after a node stops (a crash, a kill, a lost network) another node takes over the work
     * it held. Shorter means faster recovery and more frequent heartbeats (a sixth of it).
     */
    private Duration takeoverAfter = Duration.ofMinutes(3);

    /**
     * What the runtime does with its tables when it starts: MIGRATE applies its scripts, VALIDATE only
     * checks the schema (when the application's Flyway or Liquibase runs the scripts), NONE neither.
     */
    private MigrationMode migrationMode = MigrationMode.MIGRATE;

    /** The name of db-scheduler's table; an existing compatible table of that name is reused. */
    private String schedulerTable = "scheduled_tasks";

    /**
     * Deploys only the handlers and workflows of classes in these packages (and below them). Default:
     * every one on the class path.
     */
    private List<String> onlyPackages = new ArrayList<>();

    private final Health health = new Health();

    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    public Duration getPollingInterval() {
        return pollingInterval;
    }

    public void setPollingInterval(Duration pollingInterval) {
        this.pollingInterval = pollingInterval;
    }

    public String getNodeName() {
        return nodeName;
    }

    public void setNodeName(String nodeName) {
        this.nodeName = nodeName;
    }

    public Duration getTakeoverAfter() {
        return takeoverAfter;
    }

    public void setTakeoverAfter(Duration takeoverAfter) {
        this.takeoverAfter = takeoverAfter;
    }

    public MigrationMode getMigrationMode() {
        return migrationMode;
    }

    public void setMigrationMode(MigrationMode migrationMode) {
        this.migrationMode = migrationMode;
    }

    public String getSchedulerTable() {
        return schedulerTable;
    }

    public void setSchedulerTable(String schedulerTable) {
        this.schedulerTable = schedulerTable;
    }

    public List<String> getOnlyPackages() {
        return onlyPackages;
    }

    public void setOnlyPackages(List<String> onlyPackages) {
        this.onlyPackages = onlyPackages;
    }

    public Health getHealth() {
        return health;
    }

    /** The Actuator health indicator {@code aifirst}. */
    public static class Health {

        /**
         * When the oldest due work has waited longer than this, the indicator reports DOWN: the
         * workers do not keep up, or none is running. Default: the age is reported, never judged.
         */
        private Duration maxDueAge;

        public Duration getMaxDueAge() {
            return maxDueAge;
        }

        public void setMaxDueAge(Duration maxDueAge) {
            this.maxDueAge = maxDueAge;
        }
    }
}
