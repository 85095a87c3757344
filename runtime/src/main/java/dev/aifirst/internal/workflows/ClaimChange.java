package dev.aifirst.internal.workflows;

import dev.aifirst.internal.events.ClaimStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** A claim a step took or released; it takes effect when the step's transition commits. */
record ClaimChange(String eventName, String match, Instant expiresAt, Integer occurrences, boolean hold) {

    void apply(Connection c, ClaimStore claims, String holder, Instant now) throws SQLException {
        if (hold) {
            claims.hold(c, holder, eventName, match, expiresAt, occurrences, now);
        } else {
            claims.release(c, holder, eventName, match);
        }
    }

    /** How a run is named as the holder of its claims. */
    static String holderOf(RunRow run) {
        return "workflow:" + run.id;
    }
}
