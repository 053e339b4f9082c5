package org.pdviz.train.family;

import java.util.Arrays;

/**
 * One parameter tensor of a family: its name, shape and how a fresh network initialises it
 * ({@code FAN_IN}: uniform in +-1/sqrt(fanIn), as PyTorch's default for linear and conv layers).
 */
public record ParamSpec(String name, long[] shape, Init init, int fanIn) {

    public enum Init { FAN_IN, ONES, ZEROS }

    public ParamSpec {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int size() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamSpec p && name.equals(p.name) && Arrays.equals(shape, p.shape) && init == p.init
                && fanIn == p.fanIn;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
