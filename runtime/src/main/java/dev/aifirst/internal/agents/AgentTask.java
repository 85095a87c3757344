package dev.aifirst.internal.agents;

/**
 * The db-scheduler task that runs an agent's turns, and its instance ids. An agent with due or
 * future work holds one execution, {@code <agentId>#<lease>}; the lease grows each time the
 * execution is replaced by an earlier one, so an execution of an older lease finds nothing to do.
 */
final class AgentTask {

    static final String NAME = "aif-agent";

    private AgentTask() {
    }

    record Instance(String agentId, int lease) {

        static Instance of(AgentRow agent) {
            return new Instance(agent.id, agent.lease);
        }

        static Instance parse(String id) {
            int hash = id.lastIndexOf('#');
            if (hash < 0) {
                throw new IllegalArgumentException("not an " + NAME + " instance: " + id);
            }
            return new Instance(id.substring(0, hash), Integer.parseInt(id.substring(hash + 1)));
        }

        String id() {
            return agentId + "#" + lease;
        }
    }
}
