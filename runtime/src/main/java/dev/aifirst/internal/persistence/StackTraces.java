package dev.aifirst.internal.persistence;

import java.io.PrintWriter;
import java.io.StringWriter;

/** How a failure is stored in the runtime's tables: its stack trace, bounded. */
public final class StackTraces {

    /** Enough for a deep stack and its causes; a row stays small however deep the failure. */
    static final int MAX_LENGTH = 8000;

    private StackTraces() {
    }

    public static String of(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        String text = out.toString();
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "\n..." : text;
    }
}
