package dev.aifirst.processor.base;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The {@code META-INF/services} files the processor writes. Entries from every round are collected
 * and written once, sorted, in the last round: a file can be created only once per compilation, and
 * sorting keeps the output deterministic.
 */
public final class ServiceRegistry {

    private final Filer filer;
    private final Diagnostics diagnostics;
    private final Map<String, SortedSet<String>> providersByService = new TreeMap<>();

    ServiceRegistry(Filer filer, Diagnostics diagnostics) {
        this.filer = filer;
        this.diagnostics = diagnostics;
    }

    /** Registers {@code providerBinaryName} as an implementation of {@code serviceBinaryName}. */
    public void add(String serviceBinaryName, String providerBinaryName) {
        providersByService.computeIfAbsent(serviceBinaryName, s -> new TreeSet<>()).add(providerBinaryName);
    }

    /** Writes every registry; called once, in the last round. */
    public void write() {
        for (Map.Entry<String, SortedSet<String>> entry : providersByService.entrySet()) {
            String path = "META-INF/services/" + entry.getKey();
            try {
                FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path);
                try (Writer writer = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                    for (String provider : entry.getValue()) {
                        writer.write(provider);
                        writer.write('\n');
                    }
                }
            } catch (IOException | IllegalStateException e) {
                diagnostics.report(Message.CANNOT_WRITE_SERVICES, path, e.getMessage());
            }
        }
    }
}
