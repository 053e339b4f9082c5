package org.pdviz.runtime;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A model's inputs and outputs as ONNX Runtime reports them; -1 marks a symbolic dimension. */
public record Signature(List<Tensor> inputs, List<Tensor> outputs) {

    public Signature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public record Tensor(String name, String type, long[] shape) {
        public int rank() {
            return shape.length;
        }

        public String describe() {
            return name + ": " + type + " " + Arrays.stream(shape)
                    .mapToObj(d -> d < 0 ? "?" : Long.toString(d)).collect(Collectors.joining(", ", "[", "]"));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tensor t && t.name.equals(name) && t.type.equals(type) && Arrays.equals(t.shape, shape);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(shape);
        }
    }

    public Tensor input(String name) {
        return inputs.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }
}
