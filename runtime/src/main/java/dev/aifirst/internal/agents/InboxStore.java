package dev.aifirst.internal.agents;

import dev.aifirst.internal.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The SQL of {@code aif_agent_inbox}: the events routed to an agent, each waiting for one handler.
 * Every method works in the caller's transaction, with the agent's row locked.
 */
final class InboxStore {

    enum Status { PENDING, DONE, SKIPPED, FAILED }

    /** One routed event. */
    record Item(long id, String agentId, String handler, String event, Instant dueAt, Status status, int attempts,
            Instant createdAt) {
    }

    private static final String COLUMNS = "id, agent_id, handler, event, due_at, status, attempts, created_at";

    void add(Connection c, String agentId, String handler, String event, Instant dueAt, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO aif_agent_inbox (agent_id, handler, event, due_at,"
                + " status, attempts, created_at, updated_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)")) {
            Sql.bind(s, agentId, handler, event, dueAt, now, now);
            s.executeUpdate();
        }
    }

    /** Moves every pending event of a debounced handler to {@code dueAt}: the quiet window starts again. */
    void postpone(Connection c, String agentId, String handler, Instant dueAt, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE aif_agent_inbox SET due_at = ?, updated_at = ?"
                + " WHERE agent_id = ? AND handler = ? AND status = 'PENDING'")) {
            Sql.bind(s, dueAt, now, agentId, handler);
            s.executeUpdate();
        }
    }

    /** The pending event due first, if it is due at {@code now}; else null. */
    Item firstDue(Connection c, String agentId, Instant now) throws SQLException {
        List<Item> found = query(c, "agent_id = ? AND status = 'PENDING' AND due_at <= ? ORDER BY due_at, id LIMIT 1",
                agentId, now);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The pending events of one handler that are due at {@code now}, oldest first: a debounced batch. */
    List<Item> dueOf(Connection c, String agentId, String handler, Instant now) throws SQLException {
        return query(c, "agent_id = ? AND handler = ? AND status = 'PENDING' AND due_at <= ? ORDER BY id", agentId,
                handler, now);
    }

    /** When the next pending event is due, or null. */
    Instant nextDue(Connection c, String agentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT MIN(due_at) AS due FROM aif_agent_inbox WHERE agent_id = ? AND status = 'PENDING'")) {
            s.setString(1, agentId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return Sql.instant(rs, "due");
            }
        }
    }

    /** Ends an event's wait: done, skipped or failed, with why. */
    void close(Connection c, long id, Status status, int attempts, String error, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE aif_agent_inbox SET status = ?, attempts = ?, error = ?,"
                + " updated_at = ? WHERE id = ?")) {
            Sql.bind(s, status.name(), attempts, error, now, id);
            s.executeUpdate();
        }
    }

    /** Keeps an event pending after a failed attempt, due again at {@code retryAt}. */
    void retry(Connection c, long id, int attempts, String error, Instant retryAt, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE aif_agent_inbox SET attempts = ?, error = ?, due_at = ?,"
                + " updated_at = ? WHERE id = ?")) {
            Sql.bind(s, attempts, error, retryAt, now, id);
            s.executeUpdate();
        }
    }

    /** Every pending event of a finished agent is skipped. */
    int skipAll(Connection c, String agentId, String why, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE aif_agent_inbox SET status = 'SKIPPED', error = ?,"
                + " updated_at = ? WHERE agent_id = ? AND status = 'PENDING'")) {
            Sql.bind(s, why, now, agentId);
            return s.executeUpdate();
        }
    }

    private static List<Item> query(Connection c, String where, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM aif_agent_inbox WHERE " + where)) {
            Sql.bind(s, parameters);
            return Sql.list(s, rs -> new Item(rs.getLong("id"), rs.getString("agent_id"), rs.getString("handler"),
                    rs.getString("event"), Sql.instant(rs, "due_at"), Status.valueOf(rs.getString("status")),
                    rs.getInt("attempts"), Sql.instant(rs, "created_at")));
        }
    }
}
