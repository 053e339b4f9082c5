package org.pdviz.core.model;

import java.util.Arrays;

/** The shape of one sample, without the batch axis: [2] for 2-D points, [1, 28, 28] for digits. */
public record DataShape(int[] dims) {

    public DataShape {
        if (dims == null || dims.length == 0) {
            throw new IllegalArgumentException("a data shape needs at least one dimension");
        }
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("data shape dimensions must be positive: " + Arrays.toString(dims));
            }
        }
        dims = dims.clone();
    }

    public static DataShape of(int... dims) {
        return new DataShape(dims);
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[axis];
    }

    /** Number of values in one sample. */
    public int size() {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** 2-D point data, drawn as a scatter plot. */
    public boolean isPoints() {
        return dims.length == 1;
    }

    /** Channel-first images [C, H, W]. */
    public boolean isImage() {
        return dims.length == 3;
    }

    /** The same shape with the first axis (channels) multiplied, as a "both" output has. */
    public DataShape withChannelFactor(int factor) {
        int[] d = dims.clone();
        d[0] *= factor;
        return new DataShape(d);
    }

    /** [batch, ...dims] as longs, the way tensor shapes are written. */
    public long[] batched(long batch) {
        long[] s = new long[dims.length + 1];
        s[0] = batch;
        for (int i = 0; i < dims.length; i++) {
            s[i + 1] = dims[i];
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataShape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
