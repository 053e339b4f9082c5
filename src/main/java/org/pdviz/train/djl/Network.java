package org.pdviz.train.djl;

import ai.djl.Device;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.ParamSpec;
import org.pdviz.train.family.Weights;

/**
 * A family's network on DJL tensors: one tensor per declared parameter, held in the network's own
 * manager, and the family's forward pass run through {@link DjlOps}.
 */
public final class Network implements AutoCloseable {

    private final Family family;
    private final NDManager manager;
    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final boolean trainable;

    /**
     * @param trainable whether the parameters collect gradients (false for a teacher)
     */
    public Network(Family family, Weights weights, Device device, boolean trainable) {
        this.family = family;
        this.trainable = trainable;
        Torch.engine();
        this.manager = NDManager.newBaseManager(device);
        load(weights);
    }

    public Family family() {
        return family;
    }

    public NDManager manager() {
        return manager;
    }

    public Device device() {
        return manager.getDevice();
    }

    /** The parameter tensors by name (do not close them). */
    public Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(params);
    }

    /** Replaces every parameter's values. */
    public void load(Weights weights) {
        weights.checkFits(family);
        for (ParamSpec p : family.parameters()) {
            NDArray a = manager.create(weights.get(p.name()), new Shape(p.shape()));
            if (trainable) {
                a.setRequiresGradient(true);
            }
            NDArray old = params.put(p.name(), a);
            if (old != null) {
                old.close();
            }
        }
    }

    public Weights weights() {
        Map<String, float[]> m = new LinkedHashMap<>();
        params.forEach((k, v) -> m.put(k, v.toFloatArray()));
        return new Weights(m);
    }

    /** The raw output for {@code z}, {@code t}; every intermediate goes to {@code scope}. */
    public NDArray forward(NDManager scope, NDArray z, NDArray t) {
        return family.forward(new DjlOps(params, scope), z, t);
    }

    /** How many tensors the network's manager holds: constant from step to step unless something leaks. */
    public int managedArrays() {
        return ((BaseNDManager) manager).getManagedArrays().size();
    }

    @Override
    public void close() {
        manager.close();
    }
}
