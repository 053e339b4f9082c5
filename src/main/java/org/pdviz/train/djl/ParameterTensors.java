package org.pdviz.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pdviz.runtime.Device;
import org.pdviz.train.family.ParamSpec;
import org.pdviz.train.family.Parameterized;
import org.pdviz.train.family.Weights;

/**
 * The parameters of a described network ({@link Parameterized}) as DJL tensors: one per declared
 * parameter, in a manager of their own, gradients on when trainable. {@link Network} and
 * {@link ClassifierNetwork} hold their weights this way.
 */
final class ParameterTensors extends OwnedTensors {

    private final Parameterized spec;
    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final boolean trainable;

    ParameterTensors(Parameterized spec, Weights weights, Device device, boolean trainable) {
        super(managerOn(device));
        this.spec = spec;
        this.trainable = trainable;
        load(weights);
    }

    private static NDManager managerOn(Device device) {
        Torch.engine();
        return NDManager.newBaseManager(Torch.djl(device));
    }

    NDManager manager() {
        return manager;
    }

    Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(params);
    }

    /** Replaces every parameter's values. */
    void load(Weights weights) {
        weights.checkFits(spec);
        for (ParamSpec p : spec.parameters()) {
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

    Weights weights() {
        return new Weights(export(params));
    }

    /** The ops a forward pass runs on, with every intermediate in {@code scope}. */
    DjlOps ops(NDManager scope) {
        return new DjlOps(params, scope);
    }
}
