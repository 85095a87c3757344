package dev.aifirst.events;

import java.time.Instant;

/**
 * An active claim: while it lasts, the occurrences of {@code eventName} for the entity whose id is
 * {@code match} go only to {@code holder} and to handlers marked {@code ignoresClaims}.
 *
 * @param eventName a declared event name (a template covers every rendering) or one rendering
 * @param match the id of the entity whose events are claimed
 * @param holder who holds it: {@code "workflow:<run id>"}
 * @param expiresAt when it ends, or {@code null} for no time limit
 * @param remaining how many more occurrences it claims, or {@code null} for no limit
 * @param createdAt when it was taken
 */
public record ClaimRecord(long id, String eventName, String match, String holder, Instant expiresAt, Integer remaining,
        Instant createdAt) {
}
