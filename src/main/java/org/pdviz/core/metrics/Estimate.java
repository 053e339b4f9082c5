package org.pdviz.core.metrics;

/**
 * A metric's value on the full sets and a confidence interval {@code [lo, hi]} at level
 * {@code confidence} (bias-shifted percentile bootstrap, see {@link Bootstrap}).
 */
public record Estimate(double value, double lo, double hi, double confidence) {

    public Estimate {
        if (!Double.isFinite(value) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("non-finite estimate " + value + " [" + lo + ", " + hi + "]");
        }
    }

    public double width() {
        return hi - lo;
    }

    public boolean contains(double x) {
        return lo <= x && x <= hi;
    }
}
