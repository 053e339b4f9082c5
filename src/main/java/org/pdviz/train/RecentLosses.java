package org.pdviz.train;

import java.util.ArrayDeque;

/** The last few losses: their mean is the "final loss" a card records (one batch's loss is noisy). */
final class RecentLosses {

    static final int CAPACITY = 100;
    private final ArrayDeque<Double> values = new ArrayDeque<>();

    void add(double loss) {
        if (values.size() == CAPACITY) {
            values.removeFirst();
        }
        values.addLast(loss);
    }

    double mean() {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    double[] toArray() {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    void restore(double[] saved) {
        values.clear();
        for (double v : saved) {
            add(v);
        }
    }

    void clear() {
        values.clear();
    }
}
