package dev.aifirst.internal.workflows;

import dev.aifirst.internal.persistence.Database;
import dev.aifirst.spi.Instances;
import dev.aifirst.spi.WorkflowDefinition;
import dev.aifirst.workflows.WorkflowFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes {@value #TASK}: calls a failed run's {@code @OnFail} method, once. The failure that
 * schedules it commits first (so the hook never runs for a failure that did not happen), and the
 * hook is marked called before it is called (so a crash or a takeover never calls it twice: at most
 * once, and at least once unless the node dies during the call).
 */
final class OnFailHook {

    static final String TASK = "aif-workflow-on-fail";
    static final String PENDING = "PENDING";
    static final String CALLED = "CALLED";

    private static final Logger LOG = LoggerFactory.getLogger(OnFailHook.class);

    private final WorkflowRegistry registry;
    private final RunStore store;
    private final Database database;
    private final Instances instances;

    OnFailHook(WorkflowRegistry registry, RunStore store, Database database, Instances instances) {
        this.registry = registry;
        this.store = store;
        this.database = database;
        this.instances = instances;
    }

    /**
     * The instance id of the hook's execution for one failure of a run: {@code <run id>#<seq>}, the
     * sequence the failure was written with. A run retried by an operator may fail again while the
     * execution of its previous failure's hook is still finishing; each failure has its own.
     */
    static String instance(RunRow run) {
        return run.id + "#" + run.seq;
    }

    /** The run an execution of the hook is for (one written by an earlier version names the run alone). */
    static String runIdOf(String instance) {
        int hash = instance.indexOf('#');
        return hash < 0 ? instance : instance.substring(0, hash);
    }

    /**
     * The run's context; when the stored one cannot be read (the reason the run failed), a context
     * with every field at its default, or {@code null} if even that cannot be made.
     */
    private static Object storedContext(WorkflowDefinition<?> definition, RunRow run) {
        try {
            return definition.decodeContext(run.context);
        } catch (RuntimeException unreadable) {
            LOG.warn("{}: its stored context cannot be read, so @OnFail receives one with default values", run);
            try {
                return definition.decodeContext("{}");
            } catch (RuntimeException none) {
                return null;
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    void execute(String instance) {
        String runId = runIdOf(instance);
        RunRow run = database.inTransaction(c -> store.markOnFailCalled(c, runId) ? store.find(c, runId, false) : null);
        if (run == null) {
            return; // called already (a repeated execution), or the run has no hook pending
        }
        WorkflowDefinition definition = registry.named(run.workflow);
        if (definition == null) {
            LOG.error("{} failed, but no workflow named '{}' is deployed to call its @OnFail", run, run.workflow);
            return;
        }
        try {
            WorkflowFailure failure = Inputs.convert(run.failure, WorkflowFailure.class);
            definition.onFail(storedContext(definition, run), failure, instances);
        } catch (Exception e) {
            LOG.error("The @OnFail method of workflow '{}' failed for {}", definition.name(), run, e);
        }
    }
}
