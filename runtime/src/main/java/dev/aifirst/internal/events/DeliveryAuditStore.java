package dev.aifirst.internal.events;

import dev.aifirst.Audit;
import dev.aifirst.events.DeliveryAudit;
import dev.aifirst.events.DeliveryRecord;
import dev.aifirst.events.DeliveryStatus;
import dev.aifirst.internal.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The SQL of {@code aif_delivery_audit}: operators' actions on deliveries, append only; in the caller's transaction. */
final class DeliveryAuditStore {

    private DeliveryAuditStore() {
    }

    /** Records {@code action} on {@code before}, the delivery as it was, by {@code audit} at {@code at}. */
    static void add(Connection c, DeliveryRecord before, String action, Audit audit, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO aif_delivery_audit (delivery_id, action, operator,"
                + " reason, acted_at, status_before, attempts_before, error_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            Sql.bind(s, before.id(), action, audit.operator(), audit.reason(), at, before.status().name(),
                    before.attempts(), before.lastError());
            s.executeUpdate();
        }
    }

    /** One page of a delivery's audit rows after the row {@code afterId}, oldest first: at most {@code count}. */
    static List<DeliveryAudit> page(Connection c, long deliveryId, long afterId, int count) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, delivery_id, action, operator, reason, acted_at,"
                + " status_before, attempts_before, error_before FROM aif_delivery_audit"
                + " WHERE delivery_id = ? AND id > ? ORDER BY id LIMIT ?")) {
            Sql.bind(s, deliveryId, afterId, count);
            return Sql.list(s, rs -> new DeliveryAudit(rs.getLong("id"), rs.getLong("delivery_id"), rs.getString("action"),
                    new Audit(rs.getString("operator"), rs.getString("reason")), Sql.instant(rs, "acted_at"),
                    DeliveryStatus.valueOf(rs.getString("status_before")), rs.getInt("attempts_before"),
                    rs.getString("error_before")));
        }
    }
}
