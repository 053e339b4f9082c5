package org.pdviz.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.pdviz.runtime.Device;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.Weights;

/**
 * A family's network on DJL tensors: one tensor per declared parameter, held in the network's own
 * manager, and the family's forward pass run through {@link DjlOps}.
 */
public final class Network extends TensorNetwork {

    private final Family family;

    /**
     * @param trainable whether the parameters collect gradients (false for a teacher)
     */
    public Network(Family family, Weights weights, Device device, boolean trainable) {
        super(family, weights, device, trainable);
        this.family = family;
    }

    public Family family() {
        return family;
    }

    /** The raw output for {@code z}, {@code t}; every intermediate goes to {@code scope}. */
    public NDArray forward(NDManager scope, NDArray z, NDArray t) {
        return family.forward(tensors.ops(scope), z, t);
    }

    /** How many tensors the network's manager holds: constant from step to step unless something leaks. */
    public int managedArrays() {
        return tensors.managedArrays();
    }
}
