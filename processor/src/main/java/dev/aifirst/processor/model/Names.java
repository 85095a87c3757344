package dev.aifirst.processor.model;

import java.util.Locale;

/** Turns names from annotations and methods into Java names for generated code. */
public final class Names {

    private Names() {
    }

    /**
     * The constant for an event or step name: {@code "task_completed:{taskType}"} → {@code TASK_COMPLETED},
     * {@code "guestCheckedIn"} → {@code GUEST_CHECKED_IN}. Placeholders are left out.
     *
     * @return the constant, or an empty string when the name has no letter or digit outside placeholders
     */
    public static String constant(String name) {
        String withoutPlaceholders = name.replaceAll("\\{[^}]*}", "");
        String snake = withoutPlaceholders
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("[^A-Za-z0-9]+", "_")
                .replaceAll("^_+|_+$", "")
                .toUpperCase(Locale.ROOT);
        if (!snake.isEmpty() && Character.isDigit(snake.charAt(0))) {
            snake = "_" + snake;
        }
        return snake;
    }

    /** {@code CHECKIN_DUE} → {@code checkinDue}. */
    public static String camel(String constant) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = camel.length() > 0;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
