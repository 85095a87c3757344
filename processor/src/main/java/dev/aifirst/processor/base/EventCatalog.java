package dev.aifirst.processor.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every business event declared with {@code @Events} in this compilation, across all rounds. The
 * events step fills it; other steps use it in {@link EventReferences} to check the event
 * names that {@code @OnEvent}, {@code @Workflow(on)} and {@code @WaitForEvent} refer to. An event
 * declared in another module is not here, so an unknown name is a warning, not an error.
 */
public final class EventCatalog {

    /**
     * One declared event.
     *
     * @param entity the qualified name of the entity class
     * @param name the declared name, possibly a template
     * @param scheduled whether it has an {@code at} date
     * @param namespace the declared namespace: a constant ({@code "*"} by default) or a template
     */
    public record DeclaredEvent(String entity, String name, boolean scheduled, String namespace) {

        public boolean templated() {
            return name.indexOf('{') >= 0;
        }

        /** Whether the namespace is a template such as {@code "team-{team}"}. */
        public boolean namespaceTemplated() {
            return namespace.indexOf('{') >= 0;
        }

        /**
         * Whether an occurrence of this event may be in the namespace {@code rendered}: the declared
         * constant itself, or, for a template, text that keeps its literal parts with at least one
         * character for each placeholder ({@code "team-support"} for {@code "team-{team}"}).
         */
        public boolean mayRenderNamespace(String rendered) {
            if (namespace.equals(rendered)) {
                return true;
            }
            return namespaceTemplated() && templatePattern(namespace).matcher(rendered).matches();
        }

        /**
         * Whether a reference to {@code reference} means this event: the declared name itself, or,
         * for a template, one rendering of it ({@code "task_completed:cleaning"} for
         * {@code "task_completed:{taskType}"}).
         */
        public boolean matches(String reference) {
            if (name.equals(reference)) {
                return true;
            }
            return templated() && templatePattern(name).matcher(reference).matches();
        }
    }

    private final Map<String, List<DeclaredEvent>> byEntity = new TreeMap<>();

    public void register(DeclaredEvent event) {
        byEntity.computeIfAbsent(event.entity(), e -> new ArrayList<>()).add(event);
    }

    /** Whether the entity's {@code @Events} were processed in this compilation. */
    public boolean knowsEntity(String entityQualifiedName) {
        return byEntity.containsKey(entityQualifiedName);
    }

    /** The events declared by one entity, in declaration order; empty if unknown. */
    public List<DeclaredEvent> eventsOf(String entityQualifiedName) {
        return List.copyOf(byEntity.getOrDefault(entityQualifiedName, List.of()));
    }

    /** Every declared event that {@code reference} may mean, in any entity. */
    public List<DeclaredEvent> lookup(String reference) {
        List<DeclaredEvent> found = new ArrayList<>();
        for (List<DeclaredEvent> events : byEntity.values()) {
            for (DeclaredEvent event : events) {
                if (event.matches(reference)) {
                    found.add(event);
                }
            }
        }
        return found;
    }

    /** A template's placeholders match any non-empty text. */
    static Pattern templatePattern(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(i)));
                break;
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                regex.append(Pattern.quote(template.substring(i)));
                break;
            }
            if (open > i) {
                regex.append(Pattern.quote(template.substring(i, open)));
            }
            regex.append(".+");
            i = close + 1;
        }
        return Pattern.compile(regex.toString());
    }
}
