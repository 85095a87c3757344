package dev.aifirst.internal.console;

import dev.aifirst.PageRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of one API request, read with the checks every endpoint shares: an unknown
 * or repeated parameter, a status that is not one, a date that does not parse or a page size out of
 * range is a 400 naming the parameter.
 */
final class Parameters {

    /** Page size when none is asked for. */
    static final int DEFAULT_LIMIT = 50;
    /** The console reads at most this many rows per request. */
    static final int MAX_LIMIT = 500;

    private final Map<String, List<String>> values;

    private Parameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /** The parameters, refusing any not in {@code allowed}. */
    static Parameters of(Map<String, List<String>> query, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!known.contains(parameter.getKey())) {
                throw HttpError.badRequest(parameter.getKey(), "unknown parameter '" + parameter.getKey()
                        + "'; this endpoint takes " + new TreeSet<>(known));
            }
            if (parameter.getValue().size() > 1) {
                throw HttpError.badRequest(parameter.getKey(), "parameter '" + parameter.getKey() + "' is given "
                        + parameter.getValue().size() + " times; give it once");
            }
        }
        return new Parameters(query);
    }

    /** The trimmed value, or {@code null} when absent or blank. */
    String text(String name) {
        List<String> given = values.get(name);
        if (given == null || given.get(0).isBlank()) {
            return null;
        }
        return given.get(0).trim();
    }

    /** An enum constant by name (any case), or {@code null}. */
    <E extends Enum<E>> E status(String name, Class<E> type) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(name, "'" + text + "' is not a " + name + "; use one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** An instant ({@code 2026-06-01T09:00:00Z}) or a date ({@code 2026-06-01}, its start in UTC), or {@code null}. */
    Instant instant(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest(name, "'" + text + "' is not a date; write 2026-06-01 or 2026-06-01T09:00:00Z");
        }
    }

    /** The page asked for with {@code limit} (1 to {@value #MAX_LIMIT}) and {@code cursor}. */
    PageRequest page() {
        String limitText = text("limit");
        int limit = DEFAULT_LIMIT;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw HttpError.badRequest("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", not '"
                        + limitText + "'");
            }
        }
        return new PageRequest(limit, text("cursor"));
    }

    /** A numeric id taken from the path. */
    static long id(String name, String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw HttpError.badRequest(name, "'" + text + "' is not an " + name + "; it is a positive number");
    }
}
