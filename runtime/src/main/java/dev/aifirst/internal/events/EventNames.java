package dev.aifirst.internal.events;

import dev.aifirst.spi.EventDeclaration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How event names relate: a declared name, a template such as {@code "stage_done:{stage}"}, and the
 * renderings of a template such as {@code "stage_done:cleaning"}.
 */
final class EventNames {

    /** A {@code {property}} placeholder of a templated event name. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

    private EventNames() {
    }

    /** Whether {@code eventName} is the declared name itself, or (for a template) one of its renderings. */
    static boolean names(EventDeclaration declaration, String eventName) {
        return declaration.name().equals(eventName)
                || declaration.templated() && renderingPattern(declaration.name()).matcher(eventName).matches();
    }

    /** {@code "stage_done:{stage}"} → a pattern that matches its renderings: {@code "stage_done:" + anything}. */
    static Pattern renderingPattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        int literal = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(template.substring(literal, placeholder.start()))).append(".*");
            literal = placeholder.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(template.substring(literal))).toString(), Pattern.DOTALL);
    }
}
