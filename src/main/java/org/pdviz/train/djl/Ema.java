package org.pdviz.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pdviz.train.family.Weights;

/**
 * An exponential moving average of the weights, {@code ema = d ema + (1 - d) p}, with the usual
 * warm-up {@code d_k = min(decay, (1 + k) / (10 + k))} so that short runs are not dominated by the
 * random initialisation. The saved teacher is the average, not the last iterate.
 */
public final class Ema extends OwnedTensors {

    private final double decay;
    private final Map<String, NDArray> shadow = new LinkedHashMap<>();

    public Ema(Network network, double decay) {
        super(network.manager().newSubManager());
        if (!(decay >= 0 && decay < 1)) {
            close();
            throw new IllegalArgumentException("EMA decay must be in [0, 1), got " + decay);
        }
        this.decay = decay;
        network.parameters().forEach((name, p) -> shadow.put(name, p.duplicate()));
        shadow.values().forEach(a -> {
            a.attach(manager);
            a.setRequiresGradient(false);
        });
    }

    /** The decay used after {@code updates} updates have been made. */
    public double decayAt(long updates) {
        return Math.min(decay, (1.0 + updates) / (10.0 + updates));
    }

    /** Folds the current parameters in; {@code updates} counts the previous updates. */
    public void update(Map<String, NDArray> params, long updates, NDManager scope) {
        double d = decayAt(updates);
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray part = e.getValue().mul((float) (1 - d));
            part.attach(scope);
            shadow.get(e.getKey()).muli((float) d).addi(part);
        }
    }

    public Weights weights() {
        return new Weights(export(shadow));
    }

    public void restore(Weights w) {
        for (Map.Entry<String, NDArray> e : shadow.entrySet()) {
            replace(e, w.get(e.getKey()));
        }
    }
}
