package org.pdviz.core.metrics;

/**
 * A set of {@code count} vectors of {@code dim} values, row-major: 2-D points, flattened images or
 * feature vectors. The array is shared, not copied (sets are large and never modified here).
 */
public record SampleSet(float[] values, int dim) {

    public SampleSet {
        if (dim < 1) {
            throw new IllegalArgumentException("a sample set needs dim >= 1, got " + dim);
        }
        if (values == null || values.length == 0 || values.length % dim != 0) {
            throw new IllegalArgumentException("a sample set needs a positive multiple of " + dim + " values, got "
                    + (values == null ? "none" : values.length));
        }
    }

    public static SampleSet of(float[] values, int dim) {
        return new SampleSet(values, dim);
    }

    public int count() {
        return values.length / dim;
    }

    public float value(int sample, int j) {
        return values[sample * dim + j];
    }

    /** The rows {@code indices} (repeats allowed) as a new set. */
    public SampleSet rows(int[] indices) {
        float[] out = new float[indices.length * dim];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * dim, out, i * dim, dim);
        }
        return new SampleSet(out, dim);
    }

    /** The first {@code n} rows (all of them when n >= count). */
    public SampleSet first(int n) {
        if (n >= count()) {
            return this;
        }
        return new SampleSet(java.util.Arrays.copyOf(values, n * dim), dim);
    }

    /** At most {@code max} rows: this set, or a seeded subsample drawn without replacement. */
    public SampleSet atMost(int max, long seed) {
        return count() <= max ? this : rows(Subsets.withoutReplacement(new java.util.Random(seed), count(), max));
    }

    static void sameDim(SampleSet a, SampleSet b) {
        if (a.dim != b.dim) {
            throw new IllegalArgumentException("sample sets of different dimension: " + a.dim + " and " + b.dim);
        }
    }
}
