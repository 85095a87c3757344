package dev.aifirst.internal.workflows;

import dev.aifirst.internal.persistence.Sql;
import dev.aifirst.workflows.StepExecution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The SQL of {@code aif_workflow_step}, each run's history; in the caller's transaction. */
final class StepHistoryStore {

    /** The longest outcome kept; the column's width. */
    private static final int OUTCOME_LENGTH = 255;

    private StepHistoryStore() {
    }

    /** A row of a run's history, written with the transition it records. */
    record History(String step, int attempt, Instant startedAt, Instant endedAt, String outcome, String error,
            Double progress, String display) {
    }

    /** A history row with its id, the key of a page of history. */
    record HistoryRow(long id, StepExecution execution) {
    }

    static void add(Connection c, String runId, History history) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO aif_workflow_step (run_id, step, attempt, started_at,"
                + " ended_at, outcome, error, progress, display) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Sql.bind(s, runId, history.step(), history.attempt(), history.startedAt(), history.endedAt(),
                    outcome(history), history.error());
            Sql.setDouble(s, 8, history.progress());
            s.setString(9, history.display());
            s.executeUpdate();
        }
    }

    /** The outcome as stored: cut to the column's width. */
    static String outcome(History history) {
        String outcome = history.outcome();
        return outcome.length() > OUTCOME_LENGTH ? outcome.substring(0, OUTCOME_LENGTH) : outcome;
    }

    /** One page of a run's step executions, after the row {@code afterId}, in order: at most {@code count}. */
    static List<HistoryRow> page(Connection c, String runId, long afterId, int count) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, step, attempt, started_at, ended_at, outcome, error,"
                + " progress, display FROM aif_workflow_step WHERE run_id = ? AND id > ? ORDER BY id LIMIT ?")) {
            Sql.bind(s, runId, afterId, count);
            return Sql.list(s, rs -> new HistoryRow(rs.getLong("id"), new StepExecution(rs.getString("step"),
                    rs.getInt("attempt"), Sql.instant(rs, "started_at"), Sql.instant(rs, "ended_at"),
                    rs.getString("outcome"), rs.getString("error"), Sql.nullableDouble(rs, "progress"),
                    rs.getString("display"))));
        }
    }
}
