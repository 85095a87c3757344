package dev.aifirst.internal.events;

import java.time.Duration;

/**
 * Who takes the claims that {@code Claims.hold} and {@code Claims.release} make on this thread: the
 * step a workflow engine is running. The engine sets it around the step method and clears it after.
 */
public final class ClaimHolders {

    /** What a running step does with the claims it asks for; they take effect when its transition commits. */
    public interface Holder {

        /** {@code duration} and {@code occurrences} may be null: no limit of that kind. */
        void hold(String eventName, String match, Duration duration, Integer occurrences);

        void release(String eventName, String match);
    }

    private static final ThreadLocal<Holder> CURRENT = new ThreadLocal<>();

    private ClaimHolders() {
    }

    /** Makes {@code holder} take this thread's claims; returns the one it replaces, to {@link #restore}. */
    public static Holder enter(Holder holder) {
        Holder outer = CURRENT.get();
        CURRENT.set(holder);
        return outer;
    }

    /** Gives this thread's claims back to {@code outer} (from {@link #enter}). */
    public static void restore(Holder outer) {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }

    /** The holder of this thread's claims; {@code call} names the user's call in the error when none is running. */
    public static Holder current(String call) {
        Holder holder = CURRENT.get();
        if (holder == null) {
            throw new IllegalStateException("Claims." + call + "(...) is for a running workflow step, and no step is"
                    + " running on this thread");
        }
        return holder;
    }
}
