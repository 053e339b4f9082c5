package org.pdviz.core.model;

/** The range data lives in, e.g. [-1, 1]; x_hat may be clipped to it when sampling. */
public record DataRange(double lo, double hi) {

    public static final DataRange SYMMETRIC_UNIT = new DataRange(-1, 1);

    public DataRange {
        if (!(lo < hi)) {
            throw new IllegalArgumentException("data range needs lo < hi, got [" + lo + ", " + hi + "]");
        }
    }

    public double[] asArray() {
        return new double[] {lo, hi};
    }
}
