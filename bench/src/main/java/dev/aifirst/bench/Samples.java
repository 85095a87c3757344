package dev.aifirst.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one figure: the median and the spread (lowest and highest). */
final class Samples {

    private final List<Double> values = new ArrayList<>();

    void add(double value) {
        values.add(value);
    }

    double median() {
        List<Double> sorted = sorted();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return sorted().get(0);
    }

    double max() {
        List<Double> sorted = sorted();
        return sorted.get(sorted.size() - 1);
    }

    /** The value at quantile {@code q} (0..1), nearest rank. */
    double quantile(double q) {
        List<Double> sorted = sorted();
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    int size() {
        return values.size();
    }

    /** {@code "1,234 (1,100–1,300)"}, or just the median for one sample. */
    String describe(String format) {
        if (values.size() == 1) {
            return String.format(Locale.ROOT, format, median());
        }
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median(), min(), max());
    }

    private List<Double> sorted() {
        if (values.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }
}
