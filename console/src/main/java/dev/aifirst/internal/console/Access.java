package dev.aifirst.internal.console;

import dev.aifirst.console.ConsoleRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Who may see what: the configured token, shown in a request's {@code Authorization: Bearer} header. */
final class Access {

    private final ConsoleSettings settings;

    Access(ConsoleSettings settings) {
        this.settings = settings;
    }

    /** Whether the request carries the configured token. */
    boolean hasToken(ConsoleRequest request) {
        if (settings.token() == null) {
            return false;
        }
        String header = request.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        // Compared in constant time, so the token cannot be guessed a character at a time.
        return MessageDigest.isEqual(header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8),
                settings.token().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether contexts, results and stack traces may be shown to this request's caller. */
    boolean showsDetails(ConsoleRequest request) {
        return !settings.detailsNeedToken() || hasToken(request);
    }

    /** Whether this caller may act (retry, resume, cancel) once actions exist: never in read-only mode. */
    boolean mayAct(ConsoleRequest request) {
        return !settings.readOnly() && hasToken(request);
    }

    /** What the pages need to know about this caller. */
    Session session(ConsoleRequest request) {
        return new Session(settings.readOnly(), settings.token() != null, hasToken(request), showsDetails(request),
                mayAct(request));
    }

    /**
     * @param readOnly the console refuses every action
     * @param tokenConfigured a token is configured
     * @param tokenAccepted this request showed it
     * @param details contexts and stack traces are shown to this caller
     * @param actions this caller may act
     */
    record Session(boolean readOnly, boolean tokenConfigured, boolean tokenAccepted, boolean details, boolean actions) {
    }
}
