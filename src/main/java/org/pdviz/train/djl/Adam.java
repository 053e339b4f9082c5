package org.pdviz.train.djl;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba), as PyTorch computes it: {@code m = b1 m + (1 - b1) g},
 * {@code v = b2 v + (1 - b2) g^2}, {@code p -= lr / (1 - b1^k) * m / (sqrt(v / (1 - b2^k)) + eps)}.
 * Written here rather than taken from DJL so that its state (m, v, k) can be saved and restored
 * for resuming.
 */
public final class Adam implements AutoCloseable {

    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    private final NDManager manager;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private long step;

    public Adam(Network network) {
        this(network.manager(), network.parameters());
    }

    /** Moments for these parameters, held in a sub-manager of {@code parent}. */
    public Adam(NDManager parent, Map<String, NDArray> parameters) {
        this.manager = parent.newSubManager();
        parameters.forEach((name, p) -> {
            m.put(name, manager.zeros(p.getShape(), p.getDataType()));
            v.put(name, manager.zeros(p.getShape(), p.getDataType()));
        });
    }

    /** Updates every parameter from its gradient (gradients are left as they are). */
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads, double lr, NDManager scope) {
        step++;
        double bc1 = 1 - Math.pow(BETA1, step);
        double bc2 = 1 - Math.pow(BETA2, step);
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray g = grads.get(e.getKey());
            NDArray mi = m.get(e.getKey());
            NDArray vi = v.get(e.getKey());
            NDArray gm = g.mul((float) (1 - BETA1));
            mi.muli((float) BETA1).addi(gm);
            NDArray g2 = g.square().muli((float) (1 - BETA2));
            vi.muli((float) BETA2).addi(g2);
            NDArray denominator = vi.sqrt();
            denominator.attach(scope);
            denominator.muli((float) (1 / Math.sqrt(bc2))).addi((float) EPSILON);
            NDArray update = mi.div(denominator);
            update.attach(scope);
            update.muli((float) (lr / bc1));
            e.getValue().subi(update);
        }
    }

    public long step() {
        return step;
    }

    public Map<String, float[]> firstMoments() {
        return export(m);
    }

    public Map<String, float[]> secondMoments() {
        return export(v);
    }

    /** Restores a saved state (moments by parameter name, and the step count). */
    public void restore(long savedStep, Map<String, float[]> firstMoments, Map<String, float[]> secondMoments) {
        this.step = savedStep;
        fill(m, firstMoments, "first");
        fill(v, secondMoments, "second");
    }

    private static Map<String, float[]> export(Map<String, NDArray> arrays) {
        Map<String, float[]> out = new LinkedHashMap<>();
        arrays.forEach((k, a) -> out.put(k, a.toFloatArray()));
        return out;
    }

    private void fill(Map<String, NDArray> target, Map<String, float[]> values, String what) {
        for (Map.Entry<String, NDArray> e : target.entrySet()) {
            float[] val = values.get(e.getKey());
            if (val == null || val.length != e.getValue().size()) {
                throw new IllegalArgumentException("saved optimiser state lacks the " + what + " moment of '"
                        + e.getKey() + "'");
            }
            Shape s = e.getValue().getShape();
            NDArray fresh = manager.create(val, s);
            e.getValue().close();
            e.setValue(fresh);
        }
    }

    int managedArrays() {
        return ((BaseNDManager) manager).getManagedArrays().size();
    }

    @Override
    public void close() {
        manager.close();
    }
}
