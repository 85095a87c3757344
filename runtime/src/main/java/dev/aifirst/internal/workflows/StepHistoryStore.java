package dev.aifirst.internal.workflows;

import dev.aifirst.Audit;
import dev.aifirst.internal.persistence.Sql;
import dev.aifirst.workflows.StepExecution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The SQL of {@code aif_workflow_step}, each run's history; in the caller's transaction. */
final class StepHistoryStore {

    /** The longest outcome kept; the column's width. */
    private static final int OUTCOME_LENGTH = 255;

    private StepHistoryStore() {
    }

    /** A row of a run's history, written with the transition it records; an operator's action carries its audit. */
    record History(String step, int attempt, Instant startedAt, Instant endedAt, String outcome, String error,
            Double progress, String display, Audit audit) {

        /** A step execution's row. */
        History(String step, int attempt, Instant startedAt, Instant endedAt, String outcome, String error,
                Double progress, String display) {
            this(step, attempt, startedAt, endedAt, outcome, error, progress, display, null);
        }
    }

    /** A history row with its id, the key of a page of history. */
    record HistoryRow(long id, StepExecution execution) {
    }

    static void add(Connection c, String runId, History history) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO aif_workflow_step (run_id, step, attempt, started_at,"
                + " ended_at, outcome, error, progress, display, operator, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Sql.bind(s, runId, history.step(), history.attempt(), history.startedAt(), history.endedAt(),
                    outcome(history), history.error());
            Sql.setDouble(s, 8, history.progress());
            s.setString(9, history.display());
            bindAudit(s, 10, history.audit());
            s.executeUpdate();
        }
    }

    /** Binds the operator and the reason of an operator's row (nulls for a step execution) at {@code first}. */
    static void bindAudit(PreparedStatement s, int first, Audit audit) throws SQLException {
        s.setString(first, audit == null ? null : audit.operator());
        s.setString(first + 1, audit == null ? null : audit.reason());
    }

    /** The outcome as stored: cut to the column's width. */
    static String outcome(History history) {
        String outcome = history.outcome();
        return outcome.length() > OUTCOME_LENGTH ? outcome.substring(0, OUTCOME_LENGTH) : outcome;
    }

    /** One page of a run's step executions, after the row {@code afterId}, in order: at most {@code count}. */
    static List<HistoryRow> page(Connection c, String runId, long afterId, int count) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, step, attempt, started_at, ended_at, outcome, error,"
                + " progress, display, operator, reason FROM aif_workflow_step WHERE run_id = ? AND id > ? ORDER BY id"
                + " LIMIT ?")) {
            Sql.bind(s, runId, afterId, count);
            return Sql.list(s, rs -> {
                String operator = rs.getString("operator");
                Audit audit = operator == null ? null : new Audit(operator, Objects.requireNonNullElse(rs.getString("reason"), ""));
                return new HistoryRow(rs.getLong("id"), new StepExecution(rs.getString("step"), rs.getInt("attempt"),
                        Sql.instant(rs, "started_at"), Sql.instant(rs, "ended_at"), rs.getString("outcome"),
                        rs.getString("error"), Sql.nullableDouble(rs, "progress"), rs.getString("display"), audit));
            });
        }
    }
}
