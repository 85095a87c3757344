package dev.aifirst.internal.events;

import dev.aifirst.events.ClaimRecord;
import dev.aifirst.internal.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The claims table ({@code aif_claim}), in the caller's transaction. For the runtime's modules;
 * applications use {@code Claims} and {@code runtime.events().claims()}.
 */
public final class ClaimStore {

    private static final String COLUMNS = "id, event_name, match_value, holder, expires_at, remaining, created_at";
    private static final String ACTIVE = "(expires_at IS NULL OR expires_at > ?) AND (remaining IS NULL OR remaining > 0)";

    /** Takes a claim for {@code holder}, replacing the one it had on the same event and entity. */
    public void hold(Connection c, String holder, String eventName, String match, Instant expiresAt, Integer remaining,
            Instant now) throws SQLException {
        release(c, holder, eventName, match);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO aif_claim (event_name, match_value, holder,"
                + " expires_at, remaining, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, eventName);
            s.setString(2, match);
            s.setString(3, holder);
            s.setObject(4, expiresAt == null ? null : Sql.timestamp(expiresAt));
            s.setObject(5, remaining);
            s.setObject(6, Sql.timestamp(now));
            s.executeUpdate();
        }
    }

    public void release(Connection c, String holder, String eventName, String match) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM aif_claim WHERE holder = ? AND event_name = ? AND match_value = ?")) {
            s.setString(1, holder);
            s.setString(2, eventName);
            s.setString(3, match);
            s.executeUpdate();
        }
    }

    /** Releases every claim of {@code holder}: its run ended. */
    public void releaseAll(Connection c, String holder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM aif_claim WHERE holder = ?")) {
            s.setString(1, holder);
            s.executeUpdate();
        }
    }

    /**
     * The claim an occurrence of an event (by its declared and its rendered name) of one entity
     * falls under, or null; the oldest wins. Counts the occurrence against it: a claim whose last
     * occurrence this is ends with it.
     */
    ClaimRecord take(Connection c, String declaredName, String renderedName, String entityId, Instant now)
            throws SQLException {
        // Locked: two occurrences at once count against a claim one after the other.
        List<ClaimRecord> found = query(c, "event_name IN (?, ?) AND match_value = ? AND " + ACTIVE
                + " ORDER BY created_at, id FOR UPDATE", declaredName, renderedName, entityId, now);
        if (found.isEmpty()) {
            return null;
        }
        ClaimRecord claim = found.get(0);
        if (claim.remaining() != null) {
            String sql = claim.remaining() <= 1 ? "DELETE FROM aif_claim WHERE id = ?"
                    : "UPDATE aif_claim SET remaining = remaining - 1 WHERE id = ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, claim.id());
                s.executeUpdate();
            }
        }
        return claim;
    }

    /** The claims in force at {@code now}, after the claim {@code afterId}, oldest first: at most {@code count}. */
    List<ClaimRecord> active(Connection c, Instant now, long afterId, int count) throws SQLException {
        return query(c, "id > ? AND " + ACTIVE + " ORDER BY id LIMIT ?", afterId, now, count);
    }

    private static List<ClaimRecord> query(Connection c, String where, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM aif_claim WHERE " + where)) {
            Sql.bind(s, parameters);
            return Sql.list(s, rs -> new ClaimRecord(rs.getLong("id"), rs.getString("event_name"),
                    rs.getString("match_value"), rs.getString("holder"), Sql.instant(rs, "expires_at"),
                    Sql.nullableInt(rs, "remaining"), Sql.instant(rs, "created_at")));
        }
    }
}
