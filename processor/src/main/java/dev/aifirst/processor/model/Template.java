package dev.aifirst.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A name with {@code {property}} placeholders, split into literal text and placeholders.
 *
 * @param parts literal text and placeholders, in order
 */
public record Template(List<Part> parts) {

    /** Literal text, or a placeholder naming a property. */
    public record Part(String text, boolean placeholder) {
    }

    /** Thrown for a malformed template; the message says what is wrong. */
    public static final class MalformedTemplateException extends Exception {
        MalformedTemplateException(String message) {
            super(message);
        }
    }

    public static Template parse(String text) throws MalformedTemplateException {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            int strayClose = text.indexOf('}', i);
            if (strayClose >= 0 && (open < 0 || strayClose < open)) {
                throw new MalformedTemplateException("'}' at position " + strayClose + " closes no placeholder");
            }
            if (open < 0) {
                parts.add(new Part(text.substring(i), false));
                break;
            }
            if (open > i) {
                parts.add(new Part(text.substring(i, open), false));
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new MalformedTemplateException("the placeholder opened at position " + open + " is not closed");
            }
            String property = text.substring(open + 1, close);
            if (property.isEmpty() || !isIdentifier(property)) {
                throw new MalformedTemplateException("placeholder {" + property + "} must name one property, like {taskType}");
            }
            parts.add(new Part(property, true));
            i = close + 1;
        }
        return new Template(List.copyOf(parts));
    }

    public boolean hasPlaceholders() {
        return parts.stream().anyMatch(Part::placeholder);
    }

    /** The placeholder properties, in order, each once. */
    public List<String> properties() {
        List<String> properties = new ArrayList<>();
        for (Part part : parts) {
            if (part.placeholder() && !properties.contains(part.text())) {
                properties.add(part.text());
            }
        }
        return properties;
    }

    private static boolean isIdentifier(String text) {
        if (!Character.isJavaIdentifierStart(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            if (!Character.isJavaIdentifierPart(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
