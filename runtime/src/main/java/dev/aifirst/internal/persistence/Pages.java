package dev.aifirst.internal.persistence;

import dev.aifirst.Page;
import dev.aifirst.PageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging: a store fetches one row more than the page's limit, after the cursor's key, in the
 * key's order; the extra row only tells that a next page exists. Cursors are opaque to users.
 */
public final class Pages {

    private Pages() {
    }

    /** A page of the first {@code request.limit()} of {@code fetched}, where one more than the limit was fetched. */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, String> cursorOf) {
        int limit = request.limit();
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null, limit);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)), limit);
    }

    /** A cursor after the row with this numeric id. */
    public static String idCursor(long id) {
        return encode(Long.toString(id));
    }

    /** The id of an {@link #idCursor}, or 0 (before every row) without a cursor. */
    public static long afterId(PageRequest request) {
        if (request.cursor() == null) {
            return 0;
        }
        String text = decode(request.cursor());
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw notACursor(request.cursor());
        }
    }

    /** A cursor after the row created at {@code createdAt} with this text id. */
    public static String timeCursor(Instant createdAt, String id) {
        return encode(createdAt + " " + id);
    }

    /** The position of a {@link #timeCursor}, or {@code null} without a cursor. */
    public static TimeKey afterTime(PageRequest request) {
        if (request.cursor() == null) {
            return null;
        }
        String text = decode(request.cursor());
        int space = text.indexOf(' ');
        try {
            return new TimeKey(Instant.parse(text.substring(0, space)), text.substring(space + 1));
        } catch (RuntimeException e) {
            throw notACursor(request.cursor());
        }
    }

    /** The key of a row ordered by creation time, then id. */
    public record TimeKey(Instant createdAt, String id) {
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notACursor(cursor);
        }
    }

    private static IllegalArgumentException notACursor(String cursor) {
        return new IllegalArgumentException("'" + cursor + "' is not a cursor of this list; pass the nextCursor of a"
                + " page it returned, or null for the first page");
    }
}
