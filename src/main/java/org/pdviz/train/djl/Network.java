package org.pdviz.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.pdviz.runtime.Device;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.Weights;

/**
 * A family's network on DJL tensors: one tensor per declared parameter, held in the network's own
 * manager, and the family's forward pass run through {@link DjlOps}.
 */
public final class Network implements AutoCloseable {

    private final Family family;
    private final ParameterTensors tensors;

    /**
     * @param trainable whether the parameters collect gradients (false for a teacher)
     */
    public Network(Family family, Weights weights, Device device, boolean trainable) {
        this.family = family;
        this.tensors = new ParameterTensors(family, weights, device, trainable);
    }

    public Family family() {
        return family;
    }

    public NDManager manager() {
        return tensors.manager();
    }

    /** The parameter tensors by name (do not close them). */
    public Map<String, NDArray> parameters() {
        return tensors.parameters();
    }

    /** Replaces every parameter's values. */
    public void load(Weights weights) {
        tensors.load(weights);
    }

    public Weights weights() {
        return tensors.weights();
    }

    /** The raw output for {@code z}, {@code t}; every intermediate goes to {@code scope}. */
    public NDArray forward(NDManager scope, NDArray z, NDArray t) {
        return family.forward(tensors.ops(scope), z, t);
    }

    /** How many tensors the network's manager holds: constant from step to step unless something leaks. */
    public int managedArrays() {
        return tensors.managedArrays();
    }

    @Override
    public void close() {
        tensors.close();
    }
}
