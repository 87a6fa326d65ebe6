package dev.graft.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Timings of repeated runs, summarized the way the README reports them. */
final class Samples {

    private final List<Double> values = new ArrayList<>();

    void add(double value) {
        values.add(value);
    }

    double percentile(double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    double median() {
        return percentile(50);
    }

    int count() {
        return values.size();
    }
}
