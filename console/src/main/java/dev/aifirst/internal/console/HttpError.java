package dev.aifirst.internal.console;

/**
 * A request the console answers with an error status and a message that says what was wrong: 400
 * naming the parameter at fault, 404 for what does not exist, 405 for a method a path does not take.
 */
final class HttpError extends RuntimeException {

    final int status;
    /** The parameter at fault, or {@code null}. */
    final String field;

    private HttpError(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    static HttpError badRequest(String field, String message) {
        return new HttpError(400, field, message);
    }

    static HttpError notFound(String message) {
        return new HttpError(404, null, message);
    }

    static HttpError methodNotAllowed(String method, String path, String allowed) {
        return new HttpError(405, null, method + " is not allowed on " + path + "; it takes " + allowed);
    }

    static HttpError unavailable(String message) {
        return new HttpError(503, null, message);
    }

    /**
     * A runtime query refused an argument: its paging cursor, or the criterion {@code otherField}
     * (the runtime says which in its message, naming the value it refused).
     */
    static HttpError refusedByRuntime(IllegalArgumentException e, String otherField) {
        String message = e.getMessage();
        boolean cursor = message != null && message.contains("is not a cursor");
        return badRequest(cursor ? "cursor" : otherField, message);
    }
}
