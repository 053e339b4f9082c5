package org.pdviz.core.schedule;

/**
 * The sampler's grid {@code t_i = i / N}, {@code i = N, N-1, ..., 0}. {@code i} is an integer
 * index; time always lives in [0, 1] whatever N.
 */
public record TimeGrid(int steps) {

    public TimeGrid {
        if (steps < 1) {
            throw new IllegalArgumentException("the number of steps must be at least 1, got " + steps);
        }
    }

    public double t(int i) {
        if (i < 0 || i > steps) {
            throw new IndexOutOfBoundsException("grid index " + i + " outside 0.." + steps);
        }
        return (double) i / steps;
    }

    /** Time at the start of sampling step k (k = 0 is the first step, from t = 1). */
    public double stepStart(int k) {
        return t(steps - k);
    }

    /** Time at the end of sampling step k. */
    public double stepEnd(int k) {
        return t(steps - k - 1);
    }

    /** All grid times in sampling order, from 1 down to 0 (N + 1 values). */
    public double[] times() {
        double[] out = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            out[k] = t(steps - k);
        }
        return out;
    }
}
