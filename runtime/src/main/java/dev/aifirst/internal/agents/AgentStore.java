package dev.aifirst.internal.agents;

import dev.aifirst.agents.AgentStatus;
import dev.aifirst.internal.persistence.Dialect;
import dev.aifirst.internal.persistence.Pages;
import dev.aifirst.internal.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The SQL of {@code aif_agent} and its routing index {@code aif_agent_key}; every method works in the caller's transaction. */
final class AgentStore {

    private static final String COLUMNS = "id, agent, status, singleton_key, match_key, context, entity_type,"
            + " entity_id, lease, wake_at, next_heartbeat_at, finish_reason, created_at, updated_at, finished_at";

    private final Dialect dialect;

    AgentStore(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Inserts a new agent, unless it is a singleton whose match an active agent holds already.
     * Race-safe: the unique index decides, not a read before the write, so two transactions that
     * spawn for one match at once make one agent.
     *
     * @return whether the agent was inserted
     */
    boolean insert(Connection c, AgentRow agent) throws SQLException {
        String sql = "INSERT INTO aif_agent (" + COLUMNS + ") VALUES (" + "?, ".repeat(14) + "?)";
        if (dialect == Dialect.POSTGRESQL) {
            // A unique violation would abort the whole transaction on PostgreSQL: the delivery's too.
            sql += " ON CONFLICT (agent, singleton_key) DO NOTHING";
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Sql.bind(s, agent.id, agent.name, agent.status.name(), agent.singletonKey, agent.matchKey, agent.context,
                    agent.entityType, agent.entityId, agent.lease, agent.wakeAt, agent.nextHeartbeatAt,
                    agent.finishReason, agent.createdAt, agent.updatedAt, agent.finishedAt);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) && dialect != Dialect.POSTGRESQL) {
                return false; // H2: the statement alone failed, the transaction goes on
            }
            throw e;
        }
    }

    /** The active singleton of {@code name} for {@code singletonKey}, locked; or null. */
    AgentRow lockSingleton(Connection c, String name, String singletonKey) throws SQLException {
        List<AgentRow> found = query(c, "agent = ? AND singleton_key = ? FOR UPDATE", name, singletonKey);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The agent, locked until the transaction ends: the turns of one agent never overlap. */
    AgentRow lock(Connection c, String id) throws SQLException {
        List<AgentRow> found = query(c, "id = ? FOR UPDATE", id);
        return found.isEmpty() ? null : found.get(0);
    }

    AgentRow find(Connection c, String id) throws SQLException {
        List<AgentRow> found = query(c, "id = ?", id);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Writes the agent's changeable columns. */
    void update(Connection c, AgentRow agent) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE aif_agent SET status = ?, singleton_key = ?,"
                + " match_key = ?, context = ?, lease = ?, wake_at = ?, next_heartbeat_at = ?, finish_reason = ?,"
                + " updated_at = ?, finished_at = ? WHERE id = ?")) {
            Sql.bind(s, agent.status.name(), agent.singletonKey, agent.matchKey, agent.context, agent.lease,
                    agent.wakeAt, agent.nextHeartbeatAt, agent.finishReason, agent.updatedAt, agent.finishedAt,
                    agent.id);
            s.executeUpdate();
        }
    }

    /**
     * The active agents of {@code name} whose context property {@code property} holds {@code value}:
     * one lookup in the routing index, however many agents are active.
     */
    List<String> route(Connection c, String name, String property, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT agent_id FROM aif_agent_key"
                + " WHERE agent = ? AND property = ? AND key_value = ? ORDER BY agent_id")) {
            Sql.bind(s, name, property, value);
            return Sql.list(s, rs -> rs.getString(1));
        }
    }

    /** Replaces the agent's routing keys with {@code keys} (property → value; a null value is no key). */
    void writeKeys(Connection c, AgentRow agent, Map<String, String> keys) throws SQLException {
        deleteKeys(c, agent.id);
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO aif_agent_key (agent_id, agent, property, key_value) VALUES (?, ?, ?, ?)")) {
            boolean any = false;
            for (Map.Entry<String, String> key : keys.entrySet()) {
                if (key.getValue() != null) {
                    Sql.bind(s, agent.id, agent.name, key.getKey(), key.getValue());
                    s.addBatch();
                    any = true;
                }
            }
            if (any) {
                s.executeBatch();
            }
        }
    }

    /** Takes the agent out of the routing index: it receives no more events. */
    void deleteKeys(Connection c, String agentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM aif_agent_key WHERE agent_id = ?")) {
            s.setString(1, agentId);
            s.executeUpdate();
        }
    }

    /** A page of agents, oldest first, optionally of one name and status. */
    List<AgentRow> list(Connection c, String name, AgentStatus status, Pages.TimeKey after, int count)
            throws SQLException {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (name != null) {
            where.append(" AND agent = ?");
            parameters.add(name);
        }
        if (status != null) {
            where.append(" AND status = ?");
            parameters.add(status.name());
        }
        if (after != null) {
            where.append(" AND (created_at > ? OR (created_at = ? AND id > ?))");
            parameters.add(after.createdAt());
            parameters.add(after.createdAt());
            parameters.add(after.id());
        }
        where.append(" ORDER BY created_at, id LIMIT ?");
        parameters.add(count);
        return query(c, where.toString(), parameters.toArray());
    }

    private static List<AgentRow> query(Connection c, String where, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM aif_agent WHERE " + where)) {
            Sql.bind(s, parameters);
            return Sql.list(s, AgentStore::read);
        }
    }

    private static AgentRow read(ResultSet rs) throws SQLException {
        AgentRow agent = new AgentRow();
        agent.id = rs.getString("id");
        agent.name = rs.getString("agent");
        agent.status = AgentStatus.valueOf(rs.getString("status"));
        agent.singletonKey = rs.getString("singleton_key");
        agent.matchKey = rs.getString("match_key");
        agent.context = rs.getString("context");
        agent.entityType = rs.getString("entity_type");
        agent.entityId = rs.getString("entity_id");
        agent.lease = rs.getInt("lease");
        agent.wakeAt = Sql.instant(rs, "wake_at");
        agent.nextHeartbeatAt = Sql.instant(rs, "next_heartbeat_at");
        agent.finishReason = rs.getString("finish_reason");
        agent.createdAt = Sql.instant(rs, "created_at");
        agent.updatedAt = Sql.instant(rs, "updated_at");
        agent.finishedAt = Sql.instant(rs, "finished_at");
        return agent;
    }

    /** The instants of a page's last agent, for its cursor. */
    static String cursorOf(AgentRow agent) {
        return Pages.timeCursor(agent.createdAt, agent.id);
    }

}
