package dev.aifirst;

/**
 * Which page of a list to read: at most {@code limit} items, after {@code cursor} (a
 * {@link Page#nextCursor()} of the same list), or from the start when the cursor is {@code null}.
 * Lists are read by keyset, so a page costs the same however far into a million rows it is.
 *
 * @param limit 1 to {@value #MAX_LIMIT}
 * @param cursor where to start, or {@code null}
 */
public record PageRequest(int limit, String cursor) {

    /** The largest page: a list must not be loaded whole into memory. */
    public static final int MAX_LIMIT = 10_000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " items, not " + limit);
        }
    }

    /** The first {@code limit} items. */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }
}
