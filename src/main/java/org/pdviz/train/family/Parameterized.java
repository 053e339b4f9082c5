package org.pdviz.train.family;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Hyperparameters as a card stores them: {@code name, value, name, value, ...} in this order. */
    static Map<String, Object> hyperparameters(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }
}
