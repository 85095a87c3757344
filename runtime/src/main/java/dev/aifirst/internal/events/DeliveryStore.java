package dev.aifirst.internal.events;

import dev.aifirst.events.DeliveryQuery;
import dev.aifirst.events.DeliveryRecord;
import dev.aifirst.events.DeliveryStatus;
import dev.aifirst.internal.persistence.Dialect;
import dev.aifirst.internal.persistence.Sql;
import dev.aifirst.internal.scheduling.Executions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL of {@code aif_event_delivery}: one subscriber's delivery of one occurrence. In the caller's transaction. */
final class DeliveryStore {

    static final String COLUMNS = "id, event_id, occurrence, subscriber, status, due_at, attempts, last_error,"
            + " completed_at";

    private final Dialect dialect;
    private final Executions executions;

    DeliveryStore(Dialect dialect, Executions executions) {
        this.dialect = dialect;
        this.executions = executions;
    }

    /** Adds a scheduled delivery unless one exists for this occurrence and subscriber; returns the delivery. */
    DeliveryRecord add(Connection c, long eventId, int occurrence, String subscriber, Instant dueAt, Instant now)
            throws SQLException {
        DeliveryRecord existing = find(c, eventId, occurrence, subscriber);
        if (existing != null) {
            return existing;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO aif_event_delivery (event_id, occurrence, subscriber,"
                + " status, due_at, attempts, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)", Statement.RETURN_GENERATED_KEYS)) {
            Sql.bind(s, eventId, occurrence, subscriber, DeliveryStatus.SCHEDULED.name(), dueAt, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new DeliveryRecord(keys.getLong(1), eventId, occurrence, subscriber, DeliveryStatus.SCHEDULED,
                        dueAt, 0, null, null);
            }
        }
    }

    /**
     * {@link #addDelivery} and, for a scheduled delivery, its execution of {@code task} (named as
     * {@link EventTasks.DeliveryInstance} names it: {@code <id>#1} for a new one). On PostgreSQL a new delivery and its execution are one statement; an existing
     * one costs a lookup.
     */
    DeliveryRecord addWithExecution(Connection c, long eventId, int occurrence, String subscriber,
            Instant dueAt, Instant now, String task) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement s = c.prepareStatement("WITH d AS (INSERT INTO aif_event_delivery (event_id,"
                    + " occurrence, subscriber, status, due_at, attempts, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)"
                    + " ON CONFLICT (event_id, occurrence, subscriber) DO NOTHING RETURNING id),"
                    + " t AS (INSERT INTO " + executions.table() + " (task_name, task_instance, execution_time, picked, version)"
                    + " SELECT ?, d.id || '#1', ?, FALSE, 1 FROM d)"
                    + " SELECT id FROM d")) {
                Sql.bind(s, eventId, occurrence, subscriber, DeliveryStatus.SCHEDULED.name(), dueAt, now, task, dueAt);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return new DeliveryRecord(rs.getLong(1), eventId, occurrence, subscriber,
                                DeliveryStatus.SCHEDULED, dueAt, 0, null, null);
                    }
                }
            }
        }
        DeliveryRecord delivery = add(c, eventId, occurrence, subscriber, dueAt, now);
        if (delivery.status() == DeliveryStatus.SCHEDULED) {
            executions.add(c, task, new EventTasks.DeliveryInstance(delivery.id(), delivery.attempts() + 1).id(),
                    delivery.dueAt());
        }
        return delivery;
    }

    DeliveryRecord find(Connection c, long eventId, int occurrence, String subscriber) throws SQLException {
        List<DeliveryRecord> found = query(c, "event_id = ? AND occurrence = ? AND subscriber = ?",
                eventId, occurrence, subscriber);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The deliveries of an event row still to run. */
    List<DeliveryRecord> scheduledOf(Connection c, long eventId) throws SQLException {
        return query(c, "event_id = ? AND status = ?", eventId, DeliveryStatus.SCHEDULED.name());
    }

    DeliveryRecord lock(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM aif_event_delivery WHERE id = ? FOR UPDATE")) {
            s.setLong(1, id);
            List<DeliveryRecord> found = read(s);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    /** One page of the deliveries {@code query} selects, after the delivery {@code afterId}, by id. */
    List<DeliveryRecord> page(Connection c, DeliveryQuery query, long afterId, int count) throws SQLException {
        StringBuilder where = new StringBuilder("id > ?");
        List<Object> parameters = new ArrayList<>(List.of(afterId));
        if (query.eventId() != null) {
            where.append(" AND event_id = ?");
            parameters.add(query.eventId());
        }
        if (query.status() != null) {
            where.append(" AND status = ?");
            parameters.add(query.status().name());
        }
        if (query.subscriber() != null) {
            where.append(" AND subscriber = ?");
            parameters.add(query.subscriber());
        }
        parameters.add(count);
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM aif_event_delivery WHERE " + where
                + " ORDER BY id LIMIT ?")) {
            Sql.bind(s, parameters.toArray());
            return read(s);
        }
    }

    private List<DeliveryRecord> query(Connection c, String where, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM aif_event_delivery WHERE "
                + where + " ORDER BY due_at, id")) {
            Sql.bind(s, parameters);
            return read(s);
        }
    }

    void update(Connection c, long id, DeliveryStatus status, Instant dueAt, int attempts, String lastError,
            Instant completedAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE aif_event_delivery SET status = ?, due_at = ?, attempts = ?,"
                + " last_error = ?, completed_at = ? WHERE id = ?")) {
            Sql.bind(s, status.name(), dueAt, attempts, lastError, completedAt, id);
            s.executeUpdate();
        }
    }

    private static List<DeliveryRecord> read(PreparedStatement s) throws SQLException {
        return Sql.list(s, rs -> new DeliveryRecord(rs.getLong("id"), rs.getLong("event_id"), rs.getInt("occurrence"),
                rs.getString("subscriber"), DeliveryStatus.valueOf(rs.getString("status")), Sql.instant(rs, "due_at"),
                rs.getInt("attempts"), rs.getString("last_error"), Sql.instant(rs, "completed_at")));
    }

}
