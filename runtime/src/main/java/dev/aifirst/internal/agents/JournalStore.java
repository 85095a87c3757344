package dev.aifirst.internal.agents;

import dev.aifirst.agents.JournalEntry;
import dev.aifirst.agents.JournalKind;
import dev.aifirst.internal.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The SQL of {@code aif_agent_journal}, an append-only log per agent; in the caller's transaction. */
final class JournalStore {

    /** An entry not written yet. */
    record Draft(JournalKind kind, String text) {
    }

    void append(Connection c, String agentId, List<Draft> entries, Instant now) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO aif_agent_journal (agent_id, kind, text, created_at) VALUES (?, ?, ?, ?)")) {
            for (Draft entry : entries) {
                Sql.bind(s, agentId, entry.kind().name(), entry.text(), now);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    void append(Connection c, String agentId, JournalKind kind, String text, Instant now) throws SQLException {
        append(c, agentId, List.of(new Draft(kind, text)), now);
    }

    /** The entries after {@code afterId}, oldest first: at most {@code count}. */
    List<JournalEntry> page(Connection c, String agentId, long afterId, int count) throws SQLException {
        return query(c, "agent_id = ? AND id > ? ORDER BY id LIMIT ?", agentId, afterId, count);
    }

    /** The latest {@code count} entries, oldest first. */
    List<JournalEntry> latest(Connection c, String agentId, int count) throws SQLException {
        List<JournalEntry> newestFirst = query(c, "agent_id = ? ORDER BY id DESC LIMIT ?", agentId, count);
        List<JournalEntry> entries = new ArrayList<>(newestFirst);
        Collections.reverse(entries);
        return entries;
    }

    private static List<JournalEntry> query(Connection c, String where, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, agent_id, kind, text, created_at FROM aif_agent_journal WHERE " + where)) {
            Sql.bind(s, parameters);
            return Sql.list(s, rs -> new JournalEntry(rs.getLong("id"), rs.getString("agent_id"),
                    JournalKind.valueOf(rs.getString("kind")), rs.getString("text"), Sql.instant(rs, "created_at")));
        }
    }
}
