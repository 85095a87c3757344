package dev.aifirst.internal.workflows;

import dev.aifirst.internal.persistence.Dialect;
import dev.aifirst.internal.persistence.Pages;
import dev.aifirst.internal.persistence.Sql;
import dev.aifirst.internal.scheduling.Executions;
import dev.aifirst.workflows.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL of {@code aif_workflow_run}; every method works in the caller's transaction. */
final class RunStore {

    /** Writes a run's state if its sequence is still the one read: 23 state columns, updated_at, id, seq. */
    private static final String UPDATE = "UPDATE aif_workflow_run SET status = ?, step = ?, attempt = ?, seq = ?,"
            + " lease = ?, context = ?, entity_type = ?, entity_id = ?, wait_kind = ?, waiting_for = ?, match_value = ?,"
            + " timeout_step = ?, wake_at = ?, input = ?, parent_id = ?, parent_step = ?, debounce_until = ?,"
            + " progress = ?, result = ?, error = ?, holds_claims = ?, on_fail = ?, failure = ?, updated_at = ?"
            + " WHERE id = ? AND seq = ?";

    private final Dialect dialect;
    private final Executions executions;

    RunStore(Dialect dialect, Executions executions) {
        this.dialect = dialect;
        this.executions = executions;
    }

    private static final String COLUMNS = "id, workflow, version, status, step, attempt, seq, lease, context,"
            + " entity_type, entity_id, wait_kind, waiting_for, match_value, timeout_step, wake_at, input, parent_id,"
            + " parent_step, debounce_until, progress, result, error, holds_claims, on_fail, failure, created_at, updated_at";
    /** The placeholders of {@link #COLUMNS}. */
    private static final String VALUES = "VALUES (" + "?, ".repeat(27) + "?)";

    void insert(Connection c, RunRow run) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO aif_workflow_run (" + COLUMNS + ")"
                + " " + VALUES)) {
            bindInsert(s, run);
            s.executeUpdate();
        }
    }

    /** Binds the 28 columns of a new run, in the order of {@link #COLUMNS}; returns the next index. */
    private static int bindInsert(PreparedStatement s, RunRow run) throws SQLException {
        s.setString(1, run.id);
        s.setString(2, run.workflow);
        s.setInt(3, run.version);
        int i = bindState(s, 4, run);
        s.setObject(i++, Sql.timestamp(run.createdAt));
        s.setObject(i++, Sql.timestamp(run.updatedAt));
        return i;
    }

    /**
     * {@link #insert} and the run's first execution together. On PostgreSQL they go to the database as
     * one statement ({@link #writesInOneStatement()}).
     */
    void insertWithExecution(Connection c, RunRow run, String task, String instance, Instant at) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            insert(c, run);
            executions.add(c, task, instance, at);
            return;
        }
        // The run's id is new, so its execution cannot exist yet.
        try (PreparedStatement s = c.prepareStatement("WITH r AS (INSERT INTO aif_workflow_run (" + COLUMNS + ")"
                + " " + VALUES + ")"
                + " INSERT INTO " + executions.table() + " (task_name, task_instance, task_data, execution_time, picked, version)"
                + " VALUES (?, ?, NULL, ?, FALSE, 1)")) {
            int i = bindInsert(s, run);
            s.setString(i++, task);
            s.setString(i++, instance);
            s.setObject(i, Sql.timestamp(at));
            s.executeUpdate();
        }
    }

    /**
     * Writes the run's state if nobody changed it since it was read ({@code expectedSeq}), bumping its
     * sequence.
     *
     * @return whether it was written; {@code false} means another transition won
     */
    boolean update(Connection c, RunRow run, long expectedSeq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            run.seq = expectedSeq + 1;
            int i = bindState(s, 1, run);
            s.setObject(i++, Sql.timestamp(run.updatedAt));
            s.setString(i++, run.id);
            s.setLong(i, expectedSeq);
            return s.executeUpdate() == 1;
        }
    }

    /**
     * {@link #update} and {@link #addStep} together. On PostgreSQL they go to the database as one
     * statement ({@link #writesInOneStatement()}), so a step's transition costs one round trip
     * before the commit, or none if it needs nothing else.
     */
    boolean updateWithHistory(Connection c, RunRow run, long expectedSeq, StepHistoryStore.History history) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            if (!update(c, run, expectedSeq)) {
                return false;
            }
            StepHistoryStore.add(c, run.id, history);
            return true;
        }
        // The history row is written only if the run's state was: the statement is atomic on its own.
        try (PreparedStatement s = c.prepareStatement("WITH moved AS (" + UPDATE + " RETURNING id)"
                + " INSERT INTO aif_workflow_step (run_id, step, attempt, started_at, ended_at, outcome, error, progress,"
                + " display) SELECT id, ?, ?, ?, ?, ?, ?, ?, ? FROM moved")) {
            run.seq = expectedSeq + 1;
            int i = bindState(s, 1, run);
            s.setObject(i++, Sql.timestamp(run.updatedAt));
            s.setString(i++, run.id);
            s.setLong(i++, expectedSeq);
            s.setString(i++, history.step());
            s.setInt(i++, history.attempt());
            s.setObject(i++, Sql.timestamp(history.startedAt()));
            s.setObject(i++, Sql.timestamp(history.endedAt()));
            s.setString(i++, StepHistoryStore.outcome(history));
            s.setString(i++, history.error());
            Sql.setDouble(s, i++, history.progress());
            s.setString(i, history.display());
            return s.executeUpdate() == 1;
        }
    }

    /** Binds status … failure (23 parameters) from {@code first}; returns the next index. */
    private static int bindState(PreparedStatement s, int first, RunRow run) throws SQLException {
        int i = first;
        s.setString(i++, run.status.name());
        s.setString(i++, run.step);
        s.setInt(i++, run.attempt);
        s.setLong(i++, run.seq);
        s.setInt(i++, run.lease);
        s.setString(i++, run.context);
        s.setString(i++, run.entityType);
        s.setString(i++, run.entityId);
        s.setString(i++, run.waitKind == null ? null : run.waitKind.name());
        s.setString(i++, run.waitingFor);
        s.setString(i++, run.matchValue);
        s.setString(i++, run.timeoutStep);
        s.setObject(i++, Sql.timestamp(run.wakeAt));
        s.setString(i++, run.input);
        s.setString(i++, run.parentId);
        s.setString(i++, run.parentStep);
        s.setObject(i++, Sql.timestamp(run.debounceUntil));
        Sql.setDouble(s, i++, run.progress);
        s.setString(i++, run.result);
        s.setString(i++, run.error);
        s.setBoolean(i++, run.holdsClaims);
        s.setString(i++, run.onFail);
        s.setString(i++, run.failure);
        return i;
    }

    /**
     * Whether {@link #updateWithHistory} and {@link #insertWithExecution} are each one statement,
     * atomic without a transaction around it.
     */
    boolean writesInOneStatement() {
        return dialect == Dialect.POSTGRESQL;
    }

    RunRow find(Connection c, String id, boolean lock) throws SQLException {
        List<RunRow> rows = query(c, "id = ?" + (lock ? " FOR UPDATE" : ""), id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * Marks a failed run's {@code @OnFail} hook called, if it is still pending.
     *
     * @return whether it was pending: only then may the caller call it
     */
    boolean markOnFailCalled(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE aif_workflow_run SET on_fail = ? WHERE id = ? AND on_fail = ?")) {
            Sql.bind(s, OnFailHook.CALLED, runId, OnFailHook.PENDING);
            return s.executeUpdate() == 1;
        }
    }

    /** The runs waiting for an event of one of these names, oldest first, locked. */
    List<RunRow> lockWaitingForEvent(Connection c, String name, String declaredName) throws SQLException {
        return query(c, "status = 'WAITING' AND wait_kind = 'EVENT' AND waiting_for IN (?, ?) ORDER BY created_at, id"
                + " FOR UPDATE", name, declaredName);
    }

    /** The runs waiting for the signal {@code name}, oldest first, locked. */
    List<RunRow> lockWaitingForSignal(Connection c, String name) throws SQLException {
        return query(c, "status = 'WAITING' AND wait_kind = 'SIGNAL' AND waiting_for = ? ORDER BY created_at, id"
                + " FOR UPDATE", name);
    }

    /** Whether a debounced run of {@code workflow} for this entity has not started yet at {@code now}. */
    boolean hasDebouncedRun(Connection c, String workflow, String entityType, String entityId, Instant now)
            throws SQLException {
        return !query(c, "workflow = ? AND entity_type = ? AND entity_id = ? AND debounce_until > ? LIMIT 1", workflow,
                entityType, entityId, Sql.timestamp(now)).isEmpty();
    }

    /** The runs {@code parentId} started with {@code runSubflow}. */
    List<RunRow> childrenOf(Connection c, String parentId) throws SQLException {
        return query(c, "parent_id = ? ORDER BY created_at, id", parentId);
    }

    /**
     * One page of the runs that match, after {@code after}, oldest first: at most {@code count}.
     *
     * @param workflow a workflow name, or null; likewise each criterion after it
     */
    List<RunRow> page(Connection c, String workflow, RunStatus status, String entityType, String entityId,
            Pages.TimeKey after, int count) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = matching(workflow, status, entityType, entityId, parameters);
        if (after != null) {
            where.append(" AND (created_at > ? OR created_at = ? AND id > ?)");
            parameters.add(Sql.timestamp(after.createdAt()));
            parameters.add(Sql.timestamp(after.createdAt()));
            parameters.add(after.id());
        }
        parameters.add(count);
        return query(c, where + " ORDER BY created_at, id LIMIT ?", parameters.toArray());
    }

    /** How many runs match; the criteria as in {@link #page}. */
    long count(Connection c, String workflow, RunStatus status, String entityType, String entityId)
            throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = matching(workflow, status, entityType, entityId, parameters);
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM aif_workflow_run WHERE " + where)) {
            Sql.bind(s, parameters.toArray());
            return Sql.list(s, rs -> rs.getLong(1)).get(0);
        }
    }

    private static StringBuilder matching(String workflow, RunStatus status, String entityType, String entityId,
            List<Object> parameters) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (workflow != null) {
            where.append(" AND workflow = ?");
            parameters.add(workflow);
        }
        if (status != null) {
            where.append(" AND status = ?");
            parameters.add(status.name());
        }
        if (entityType != null) {
            where.append(" AND entity_type = ? AND entity_id = ?");
            parameters.add(entityType);
            parameters.add(entityId);
        }
        return where;
    }

    private List<RunRow> query(Connection c, String where, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM aif_workflow_run WHERE " + where)) {
            Sql.bind(s, parameters);
            return Sql.list(s, RunStore::read);
        }
    }

    private static RunRow read(ResultSet rs) throws SQLException {
        RunRow run = new RunRow();
        run.id = rs.getString("id");
        run.workflow = rs.getString("workflow");
        run.version = rs.getInt("version");
        run.status = RunStatus.valueOf(rs.getString("status"));
        run.step = rs.getString("step");
        run.attempt = rs.getInt("attempt");
        run.seq = rs.getLong("seq");
        run.lease = rs.getInt("lease");
        run.context = rs.getString("context");
        run.entityType = rs.getString("entity_type");
        run.entityId = rs.getString("entity_id");
        String waitKind = rs.getString("wait_kind");
        run.waitKind = waitKind == null ? null : RunRow.WaitKind.valueOf(waitKind);
        run.waitingFor = rs.getString("waiting_for");
        run.matchValue = rs.getString("match_value");
        run.timeoutStep = rs.getString("timeout_step");
        run.wakeAt = Sql.instant(rs, "wake_at");
        run.input = rs.getString("input");
        run.parentId = rs.getString("parent_id");
        run.parentStep = rs.getString("parent_step");
        run.holdsClaims = rs.getBoolean("holds_claims");
        run.debounceUntil = Sql.instant(rs, "debounce_until");
        run.progress = Sql.nullableDouble(rs, "progress");
        run.result = rs.getString("result");
        run.error = rs.getString("error");
        run.onFail = rs.getString("on_fail");
        run.failure = rs.getString("failure");
        run.createdAt = Sql.instant(rs, "created_at");
        run.updatedAt = Sql.instant(rs, "updated_at");
        return run;
    }
}
