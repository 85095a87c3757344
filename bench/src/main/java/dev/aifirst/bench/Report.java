package dev.aifirst.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The results as one Markdown table, with the machine and versions they were measured on. */
final class Report {

    /** One row: what was measured, on which database, the figure, the comparison and the target. */
    record Row(String benchmark, String database, String figure, String comparison, String target, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
        System.out.println("  " + row.benchmark() + " [" + row.database() + "]: " + row.figure() + "; "
                + row.comparison() + (row.verdict().isEmpty() ? "" : " — " + row.verdict()));
    }

    void note(String note) {
        notes.add(note);
    }

    String markdown(String header) {
        StringBuilder text = new StringBuilder(header).append("\n\n");
        text.append("| benchmark | database | figure (median, spread) | compared with | target | met |\n");
        text.append("|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            text.append("| ").append(row.benchmark()).append(" | ").append(row.database()).append(" | ")
                    .append(row.figure()).append(" | ").append(row.comparison()).append(" | ").append(row.target())
                    .append(" | ").append(row.verdict()).append(" |\n");
        }
        if (!notes.isEmpty()) {
            text.append('\n');
            for (String note : notes) {
                text.append("- ").append(note).append('\n');
            }
        }
        return text.toString();
    }

    void write(Path file, String header) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown(header));
    }

    static String verdict(boolean met) {
        return met ? "yes" : "**no**";
    }
}
