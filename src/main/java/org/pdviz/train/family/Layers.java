package org.pdviz.train.family;

import java.util.ArrayList;
import java.util.List;

/** Collects a family's parameter declarations in order (the order of the ONNX initializers). */
final class Layers {

    private final List<ParamSpec> specs = new ArrayList<>();

    void linear(String name, int in, int out) {
        specs.add(new ParamSpec(name + ".weight", new long[] {out, in}, ParamSpec.Init.FAN_IN, in));
        specs.add(new ParamSpec(name + ".bias", new long[] {out}, ParamSpec.Init.FAN_IN, in));
    }

    void conv(String name, int in, int out, int kernel) {
        int fanIn = in * kernel * kernel;
        specs.add(new ParamSpec(name + ".weight", new long[] {out, in, kernel, kernel}, ParamSpec.Init.FAN_IN, fanIn));
        specs.add(new ParamSpec(name + ".bias", new long[] {out}, ParamSpec.Init.FAN_IN, fanIn));
    }

    void norm(String name, int channels) {
        specs.add(new ParamSpec(name + ".weight", new long[] {channels}, ParamSpec.Init.ONES, channels));
        specs.add(new ParamSpec(name + ".bias", new long[] {channels}, ParamSpec.Init.ZEROS, channels));
    }

    List<ParamSpec> build() {
        return List.copyOf(specs);
    }
}
