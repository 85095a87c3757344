package dev.aifirst.internal.workflows;

import dev.aifirst.internal.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The SQL of {@code aif_workflow_memo}: values a step remembered, by run and key. */
final class MemoStore {

    private MemoStore() {
    }

    /** A remembered value; {@code json} is null when the value remembered was null. */
    record Memo(String json) {
    }

    /** The memo of {@code key} in the run, or null if none was remembered. */
    static Memo find(Connection c, String runId, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT memo_value FROM aif_workflow_memo WHERE run_id = ? AND memo_key = ?")) {
            Sql.bind(s, runId, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Memo(rs.getString(1)) : null;
            }
        }
    }

    static void add(Connection c, String runId, String key, String json, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO aif_workflow_memo (run_id, memo_key, memo_value, created_at) VALUES (?, ?, ?, ?)")) {
            Sql.bind(s, runId, key, json, now);
            s.executeUpdate();
        }
    }
}
