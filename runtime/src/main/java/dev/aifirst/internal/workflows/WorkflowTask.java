package dev.aifirst.internal.workflows;

/**
 * The db-scheduler task that runs workflow steps, and its instance ids. A run that is ready holds
 * one execution, {@code <runId>#<lease>}: its lease. The lease grows each time the run leaves its
 * worker, so an execution of an older lease finds nothing to do.
 */
final class WorkflowTask {

    static final String NAME = "aif-workflow";

    private WorkflowTask() {
    }

    record RunInstance(String runId, int lease) {

        static RunInstance of(RunRow run) {
            return new RunInstance(run.id, run.lease);
        }

        static RunInstance parse(String id) {
            int hash = id.lastIndexOf('#');
            if (hash < 0) {
                throw new IllegalArgumentException("not an " + NAME + " instance: " + id);
            }
            return new RunInstance(id.substring(0, hash), Integer.parseInt(id.substring(hash + 1)));
        }

        String id() {
            return runId + "#" + lease;
        }
    }
}
