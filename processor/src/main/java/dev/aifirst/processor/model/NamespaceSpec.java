package dev.aifirst.processor.model;

import dev.aifirst.processor.base.Annotations;
import dev.aifirst.processor.base.Message;
import dev.aifirst.processor.base.ValidationReport;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * The namespace a subscriber receives ({@code @OnEvent(namespace)}, {@code @Workflow(namespace)}):
 * one namespace as occurrences render it, or {@value #ALL} for every namespace. Whether the event can
 * render it is checked later, once every entity is known.
 */
public final class NamespaceSpec {

    /** Every namespace: the annotations' default. */
    public static final String ALL = "*";

    private NamespaceSpec() {
    }

    /**
     * Reads {@code member}, reporting an empty value, placeholders (they belong in
     * {@code @Event(namespace)}; a subscriber compares rendered namespaces) and a {@code *} used as a
     * wildcard inside a name.
     *
     * @return the namespace, or {@code null} after reporting an error
     */
    public static String read(Elements elements, ValidationReport report, Element element, AnnotationMirror mirror,
            String member) {
        String namespace = Annotations.string(elements, mirror, member);
        if (namespace.isBlank()) {
            report.reportOnValue(Message.SUBSCRIBER_NAMESPACE_EMPTY, element, mirror, member);
            return null;
        }
        String problem = null;
        if (namespace.indexOf('{') >= 0 || namespace.indexOf('}') >= 0) {
            problem = "has a placeholder, but is compared with the namespace each occurrence renders";
        } else if (!namespace.equals(ALL) && namespace.indexOf('*') >= 0) {
            problem = "uses * as a wildcard, which only \"*\" on its own is";
        }
        if (problem != null) {
            report.reportOnValue(Message.SUBSCRIBER_NAMESPACE_MALFORMED, element, mirror, member, namespace, problem);
            return null;
        }
        return namespace;
    }

    /** Whether {@code namespace} receives every namespace. */
    public static boolean isAll(String namespace) {
        return ALL.equals(namespace);
    }
}
