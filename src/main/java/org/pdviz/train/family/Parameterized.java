package org.pdviz.train.family;

import java.util.List;

/**
 * A network described by its named parameter tensors: a diffusion {@link Family} or the feature
 * {@link Classifier}. What {@link Weights} needs to initialise and check a network's values.
 */
public interface Parameterized {

    /** The family's name, as a card records it. */
    String name();

    /** The parameters in declaration order (the order of the ONNX initializers). */
    List<ParamSpec> parameters();

    default long parameterCount() {
        return parameters().stream().mapToLong(ParamSpec::size).sum();
    }
}
