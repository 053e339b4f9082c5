package org.pdviz.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.pdviz.runtime.Device;
import org.pdviz.train.family.Parameterized;
import org.pdviz.train.family.Weights;

/**
 * A network's parameters on DJL tensors, one per declared parameter, held in the network's own
 * manager: what the diffusion {@link Network} and the {@link ClassifierNetwork} share.
 */
public abstract class TensorNetwork implements AutoCloseable {

    final ParameterTensors tensors;

    /**
     * @param trainable whether the parameters collect gradients (false for a teacher)
     */
    TensorNetwork(Parameterized spec, Weights weights, Device device, boolean trainable) {
        this.tensors = new ParameterTensors(spec, weights, device, trainable);
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

    @Override
    public void close() {
        tensors.close();
    }
}
