package dev.aifirst.events;

import dev.aifirst.internal.events.ClaimHolders;
import java.time.Duration;
import java.util.Objects;

/**
 * Claims keep communication disciplined: a running workflow step may claim an event of one entity,
 * so that while the claim lasts its occurrences go only to the claiming run (its
 * {@code @WaitForEvent} steps) and to handlers marked {@code @OnEvent(ignoresClaims = true)};
 * other {@code @OnEvent} handlers and workflows that start on the event do not receive them (their
 * deliveries are recorded as skipped, with the holder named).
 *
 * <pre>{@code
 * @Step(start = true)
 * Flow askForDocuments(Context ctx) {
 *     Claims.hold(ReservationEvents.DOCUMENTS_RECEIVED, ctx.reservationId);
 *     return goTo(PreArrivalSteps.AWAIT_DOCUMENTS);
 * }
 * }</pre>
 *
 * <p>A claim is taken, or released, when the step that asks for it commits; it ends when it is
 * released, when its time or its number of occurrences runs out, or when the run ends. The event
 * name may be a declared name (a template such as {@code "task_completed:{taskType}"} covers every
 * rendering) or one rendering; {@code match} is the id of the entity whose events are claimed.
 */
public final class Claims {

    private Claims() {
    }

    /** Claims {@code eventName} for the entity {@code match} until released or the run ends. */
    public static void hold(String eventName, Object match) {
        take(eventName, match, null, null);
    }

    /** Claims {@code eventName} for the entity {@code match} for {@code duration}. */
    public static void hold(String eventName, Object match, Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a claim lasts a positive duration, not " + duration);
        }
        take(eventName, match, duration, null);
    }

    /** Claims the next {@code occurrences} occurrences of {@code eventName} for the entity {@code match}. */
    public static void hold(String eventName, Object match, int occurrences) {
        if (occurrences < 1) {
            throw new IllegalArgumentException("a claim covers at least one occurrence, not " + occurrences);
        }
        take(eventName, match, null, occurrences);
    }

    /** Releases this run's claim on {@code eventName} for the entity {@code match}, if it holds one. */
    public static void release(String eventName, Object match) {
        String name = checkedName(eventName);
        String entityId = checkedMatch(match);
        ClaimHolders.current("release").release(name, entityId);
    }

    private static void take(String eventName, Object match, Duration duration, Integer occurrences) {
        String name = checkedName(eventName);
        String entityId = checkedMatch(match);
        ClaimHolders.current("hold").hold(name, entityId, duration, occurrences);
    }

    private static String checkedName(String eventName) {
        if (eventName == null || eventName.isBlank()) {
            throw new IllegalArgumentException("a claim names an event, not '" + eventName + "'");
        }
        return eventName;
    }

    private static String checkedMatch(Object match) {
        if (match == null) {
            throw new IllegalArgumentException("a claim names the id of the entity whose events it claims, not null");
        }
        return String.valueOf(match);
    }
}
