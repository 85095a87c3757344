package dev.aifirst.processor;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The {@code META-INF/services} files the processor writes. Entries from every round are collected
 * and written once, sorted, in the last round: a file can be created only once per compilation, and
 * sorting keeps the output deterministic.
 */
public final class ServiceRegistry {

    private final ProcessingEnvironment env;
    private final Map<String, SortedSet<String>> providersByService = new TreeMap<>();

    ServiceRegistry(ProcessingEnvironment env) {
        this.env = env;
    }

    /** Registers {@code providerBinaryName} as an implementation of {@code serviceBinaryName}. */
    public void add(String serviceBinaryName, String providerBinaryName) {
        providersByService.computeIfAbsent(serviceBinaryName, s -> new TreeSet<>()).add(providerBinaryName);
    }

    void write() {
        for (Map.Entry<String, SortedSet<String>> entry : providersByService.entrySet()) {
            String path = "META-INF/services/" + entry.getKey();
            try {
                FileObject file = env.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path);
                try (Writer writer = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                    for (String provider : entry.getValue()) {
                        writer.write(provider);
                        writer.write('\n');
                    }
                }
            } catch (IOException | IllegalStateException e) {
                env.getMessager().printMessage(Diagnostic.Kind.ERROR,
                        "aifirst: cannot write " + path + ": " + e.getMessage());
            }
        }
    }
}
