package org.pdviz.core.data;

/**
 * The affine map {@code x' = scale (x - center)} that puts points into [-1, 1]: {@code center} is
 * the midpoint of each coordinate's range and one {@code scale} serves every coordinate (the
 * largest half-range maps to 1), so shapes keep their aspect ratio. Recorded in the model card so
 * that samples can be mapped back with {@code x = x' / scale + center}.
 */
public record Normalization(double[] center, double scale) {

    public Normalization {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("a normalisation needs a positive finite scale, got " + scale);
        }
        center = center.clone();
    }

    @Override
    public double[] center() {
        return center.clone();
    }

    /**
     * The map for {@code values} (rows of {@code dim} values).
     *
     * @throws IllegalArgumentException when every point is the same (there is no extent to scale)
     */
    public static Normalization fit(float[] values, int dim) {
        double[] lo = new double[dim], hi = new double[dim];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < values.length; i++) {
            int j = i % dim;
            lo[j] = Math.min(lo[j], values[i]);
            hi[j] = Math.max(hi[j], values[i]);
        }
        double[] center = new double[dim];
        double half = 0;
        for (int j = 0; j < dim; j++) {
            center[j] = (lo[j] + hi[j]) / 2;
            half = Math.max(half, (hi[j] - lo[j]) / 2);
        }
        if (!(half > 0)) {
            throw new IllegalArgumentException("all points are equal: there is no extent to normalise");
        }
        return new Normalization(center, 1 / half);
    }

    public float[] apply(float[] values) {
        int dim = center.length;
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) (scale * (values[i] - center[i % dim]));
        }
        return out;
    }

    public float[] invert(float[] values) {
        int dim = center.length;
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) (values[i] / scale + center[i % dim]);
        }
        return out;
    }
}
