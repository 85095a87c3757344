package dev.aifirst.internal.events;

import dev.aifirst.annotations.Trigger;
import dev.aifirst.events.DeliveryStatus;
import dev.aifirst.events.EventQuery;
import dev.aifirst.events.EventStatus;
import dev.aifirst.internal.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The SQL of {@code aif_event}. Every method joins the caller's transaction. */
final class EventStore {

    private static final String EVENT_COLUMNS = "id, entity_type, entity_id, name, declared_name, namespace, status,"
            + " trigger_kind, due_at, occurred_at, occurrence, watch_key, snapshot, note";

    /** db-scheduler's table, written together with new rows on PostgreSQL. */
    private final String schedulerTable;

    EventStore(String schedulerTable) {
        this.schedulerTable = schedulerTable;
    }

    /** The rows of one entity, locked for this transaction. */
    List<EventRow> lockRowsOf(Connection c, String entityType, String entityId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + EVENT_COLUMNS
                + " FROM aif_event WHERE entity_type = ? AND entity_id = ? ORDER BY id FOR UPDATE")) {
            s.setString(1, entityType);
            s.setString(2, entityId);
            return readEvents(s);
        }
    }

    EventRow lockRow(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM aif_event WHERE id = ? FOR UPDATE")) {
            s.setLong(1, id);
            List<EventRow> rows = readEvents(s);
            return rows.isEmpty() ? null : rows.get(0);
        }
    }

    /**
     * {@link #lockRow}, and in the same round trip whether a claim names the event for its entity
     * ({@link EventRow#mayBeClaimed}), so that an occurrence no claim can concern costs no lookup.
     */
    EventRow lockRowToOccur(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + EVENT_COLUMNS + ", EXISTS (SELECT 1 FROM aif_claim"
                + " WHERE aif_claim.event_name IN (aif_event.declared_name, aif_event.name)"
                + " AND aif_claim.match_value = aif_event.entity_id) AS may_be_claimed"
                + " FROM aif_event WHERE id = ? FOR UPDATE")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                EventRow row = readEvent(rs);
                row.mayBeClaimed = rs.getBoolean("may_be_claimed");
                return row;
            }
        }
    }

    /**
     * One page of the rows {@code query} selects, after the row {@code afterId}, by id: at most
     * {@code count} rows.
     *
     * @param entityType the stored entity type the query's class resolves to, or {@code null}
     */
    List<EventRow> page(Connection c, String entityType, EventQuery query, long afterId, int count)
            throws SQLException {
        StringBuilder where = new StringBuilder("id > ?");
        List<Object> parameters = new ArrayList<>(List.of(afterId));
        if (entityType != null) {
            where.append(" AND entity_type = ?");
            parameters.add(entityType);
        }
        if (query.entityId() != null) {
            where.append(" AND entity_id = ?");
            parameters.add(String.valueOf(query.entityId()));
        }
        if (query.name() != null) {
            where.append(" AND name = ?");
            parameters.add(query.name());
        }
        if (query.status() != null) {
            where.append(" AND status = ?");
            parameters.add(query.status().name());
        }
        if (query.dueFrom() != null) {
            where.append(" AND due_at >= ? AND due_at < ?");
            parameters.add(query.dueFrom());
            parameters.add(query.dueBefore());
        }
        parameters.add(count);
        try (PreparedStatement s = c.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM aif_event WHERE " + where
                + " ORDER BY id LIMIT ?")) {
            Sql.bind(s, parameters.toArray());
            return readEvents(s);
        }
    }

    /** The row of one entity's event by rendered name and namespace, or null. */
    EventRow find(Connection c, String entityType, String entityId, String name, String namespace) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM aif_event WHERE entity_type = ?"
                + " AND entity_id = ? AND name = ? AND namespace = ?")) {
            Sql.bind(s, entityType, entityId, name, namespace);
            List<EventRow> rows = readEvents(s);
            return rows.isEmpty() ? null : rows.get(0);
        }
    }

    /** Entity ids that have rows, for one entity type. */
    List<String> entityIds(Connection c, String entityType) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT entity_id FROM aif_event WHERE entity_type = ? ORDER BY entity_id")) {
            s.setString(1, entityType);
            return Sql.list(s, rs -> rs.getString(1));
        }
    }

    void insert(Connection c, EventRow row, Instant now) throws SQLException {
        String sql = "INSERT INTO aif_event (entity_type, entity_id, name, declared_name, namespace, status, trigger_kind,"
                + " due_at, occurred_at, occurrence, watch_key, snapshot, note, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            Sql.bind(s, row.entityType, row.entityId, row.name, row.declaredName, row.namespace, row.status.name(),
                    row.triggerKind.name(), row.dueAt, row.occurredAt, row.occurrence, row.watchKey, row.snapshot,
                    row.note, now, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                row.id = keys.getLong(1);
            }
        }
    }

    /** Inserts new rows in one batch (one round trip) and sets their ids. */
    void insertAll(Connection c, List<EventRow> rows, Instant now) throws SQLException {
        if (rows.size() == 1) {
            insert(c, rows.get(0), now);
            return;
        }
        String sql = "INSERT INTO aif_event (entity_type, entity_id, name, declared_name, namespace, status, trigger_kind,"
                + " due_at, occurred_at, occurrence, watch_key, snapshot, note, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql, new String[] {"id"})) {
            for (EventRow row : rows) {
                Sql.bind(s, row.entityType, row.entityId, row.name, row.declaredName, row.namespace, row.status.name(),
                        row.triggerKind.name(), row.dueAt, row.occurredAt, row.occurrence, row.watchKey, row.snapshot,
                        row.note, now, now);
                s.addBatch();
            }
            s.executeBatch();
            try (ResultSet keys = s.getGeneratedKeys()) {
                for (EventRow row : rows) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned fewer generated ids than rows inserted");
                    }
                    row.id = keys.getLong(1);
                }
            }
        }
    }

    /**
     * PostgreSQL: inserts new rows and the executions that make them occur in one statement (one round
     * trip), and sets the rows' ids.
     */
    void insertAllWithExecutions(Connection c, List<EventRow> rows, String dueTask, Instant now) throws SQLException {
        StringBuilder sql = new StringBuilder("WITH e AS (INSERT INTO aif_event (entity_type, entity_id, name,"
                + " declared_name, namespace, status, trigger_kind, due_at, occurred_at, occurrence, watch_key, snapshot,"
                + " note, created_at, updated_at) VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        sql.append(" RETURNING id, entity_type, entity_id, name, namespace, occurrence, due_at),"
                + " t AS (INSERT INTO " + schedulerTable + " (task_name, task_instance, execution_time, picked, version)"
                + " SELECT ?, e.id || ':' || e.occurrence, GREATEST(e.due_at, ?), FALSE, 1 FROM e"
                + " WHERE e.due_at IS NOT NULL)"
                + " SELECT id, entity_type, entity_id, name, namespace FROM e");
        List<Object> parameters = new ArrayList<>();
        Map<String, EventRow> byKey = new HashMap<>();
        for (EventRow row : rows) {
            parameters.addAll(Arrays.asList(row.entityType, row.entityId, row.name, row.declaredName, row.namespace,
                    row.status.name(), row.triggerKind.name(), row.dueAt, row.occurredAt, row.occurrence, row.watchKey,
                    row.snapshot, row.note, now, now));
            byKey.put(row.entityType + "\u0000" + row.entityId + "\u0000" + row.key(), row);
        }
        parameters.add(dueTask);
        parameters.add(now);
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            Sql.bind(s, parameters.toArray());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString("entity_type") + "\u0000" + rs.getString("entity_id") + "\u0000"
                            + EventRow.key(rs.getString("name"), rs.getString("namespace"));
                    byKey.get(key).id = rs.getLong("id");
                }
            }
        }
    }

    void update(Connection c, EventRow row, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE aif_event SET name = ?, namespace = ?, status = ?,"
                + " trigger_kind = ?, due_at = ?, occurred_at = ?, occurrence = ?, watch_key = ?, snapshot = ?, note = ?,"
                + " updated_at = ? WHERE id = ?")) {
            Sql.bind(s, row.name, row.namespace, row.status.name(), row.triggerKind.name(), row.dueAt, row.occurredAt,
                    row.occurrence, row.watchKey, row.snapshot, row.note, now, row.id);
            s.executeUpdate();
        }
    }

    private static List<EventRow> readEvents(PreparedStatement s) throws SQLException {
        return Sql.list(s, EventStore::readEvent);
    }

    private static EventRow readEvent(ResultSet rs) throws SQLException {
        EventRow row = new EventRow();
        row.id = rs.getLong("id");
        row.entityType = rs.getString("entity_type");
        row.entityId = rs.getString("entity_id");
        row.name = rs.getString("name");
        row.declaredName = rs.getString("declared_name");
        row.namespace = rs.getString("namespace");
        row.status = EventStatus.valueOf(rs.getString("status"));
        row.triggerKind = Trigger.valueOf(rs.getString("trigger_kind"));
        row.dueAt = Sql.instant(rs, "due_at");
        row.occurredAt = Sql.instant(rs, "occurred_at");
        row.occurrence = rs.getInt("occurrence");
        row.watchKey = rs.getString("watch_key");
        row.snapshot = rs.getString("snapshot");
        row.note = rs.getString("note");
        return row;
    }

    // ---- purge -----------------------------------------------------------------------------

    /**
     * Deletes finished deliveries completed before {@code before}, and the rows of events that can
     * never matter again: cancelled rows that never occurred. A row that remembers an occurrence is
     * kept (an occurred event whose row was gone would occur again at the entity's next change), so
     * purging never lets an old event occur again.
     */
    int purge(Connection c, Instant before) throws SQLException {
        int deleted;
        try (PreparedStatement s = c.prepareStatement("DELETE FROM aif_event_delivery WHERE status <> ? AND completed_at < ?")) {
            Sql.bind(s, DeliveryStatus.SCHEDULED.name(), before);
            deleted = s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM aif_event WHERE status = ? AND occurrence = 0 AND updated_at < ?")) {
            Sql.bind(s, EventStatus.CANCELLED.name(), before);
            deleted += s.executeUpdate();
        }
        return deleted;
    }
}
