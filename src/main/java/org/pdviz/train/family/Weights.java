package org.pdviz.train.family;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pdviz.train.SeededRandom;

/**
 * The values of a family's parameters, by name in declaration order (row-major floats). The
 * common currency between a DJL network, an ONNX file and a training state.
 */
public final class Weights {

    private final Map<String, float[]> values;

    public Weights(Map<String, float[]> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A fresh network's weights, from {@code seed} alone (independent of any engine's generator). */
    public static Weights initialize(Parameterized family, long seed) {
        SeededRandom rng = new SeededRandom(seed);
        Map<String, float[]> m = new LinkedHashMap<>();
        for (ParamSpec p : family.parameters()) {
            float[] v = new float[p.size()];
            switch (p.init()) {
                case ONES -> java.util.Arrays.fill(v, 1f);
                case ZEROS -> { }
                case FAN_IN -> {
                    double bound = 1.0 / Math.sqrt(p.fanIn());
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
                    }
                }
            }
            m.put(p.name(), v);
        }
        return new Weights(m);
    }

    public float[] get(String name) {
        float[] v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "'");
        }
        return v;
    }

    public Map<String, float[]> asMap() {
        return values;
    }

    /** Checks that these weights fit the family exactly (names and sizes). */
    public Weights checkFits(Parameterized family) {
        List<ParamSpec> specs = family.parameters();
        for (ParamSpec p : specs) {
            float[] v = values.get(p.name());
            if (v == null) {
                throw new IllegalArgumentException("the weights lack parameter '" + p.name() + "' of " + family.name());
            }
            if (v.length != p.size()) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' has " + v.length + " values, "
                        + family.name() + " needs " + p.size() + " " + p);
            }
        }
        if (values.size() != specs.size()) {
            throw new IllegalArgumentException("the weights have " + values.size() + " tensors, " + family.name()
                    + " declares " + specs.size());
        }
        return this;
    }
}
