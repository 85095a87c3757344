package dev.aifirst.internal.scheduling;

import java.time.Instant;

/**
 * How an engine tells the scheduler that work is due, once the scheduler is running: after a
 * commit that made work due now, or due before the next poll.
 */
public final class Wakeups {

    private volatile Scheduling scheduling;

    /** From now on, wake-ups go to {@code scheduling}. */
    public void attach(Scheduling scheduling) {
        this.scheduling = scheduling;
    }

    /** The scheduler stopped: wake-ups are dropped. */
    public void detach() {
        this.scheduling = null;
    }

    public boolean attached() {
        return scheduling != null;
    }

    /** Work is due now: the scheduler looks for it at once instead of at its next poll. */
    public void now() {
        Scheduling current = scheduling;
        if (current != null) {
            current.wakeUp();
        }
    }

    /** Work is due at {@code at}: the scheduler looks for it then, when that comes before its next poll. */
    public void at(Instant at) {
        Scheduling current = scheduling;
        if (current != null) {
            current.wakeUpAt(at);
        }
    }
}
