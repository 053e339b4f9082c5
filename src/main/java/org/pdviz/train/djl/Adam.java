package org.pdviz.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba), as PyTorch computes it: {@code m = b1 m + (1 - b1) g},
 * {@code v = b2 v + (1 - b2) g^2}, {@code p -= lr / (1 - b1^k) * m / (sqrt(v / (1 - b2^k)) + eps)}.
 * Written here rather than taken from DJL so that its state (m, v, k) can be saved and restored
 * for resuming.
 */
public final class Adam extends OwnedTensors {

    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private long step;

    public Adam(Network network) {
        this(network.manager(), network.parameters());
    }

    /** Moments for these parameters, held in a sub-manager of {@code parent}. */
    public Adam(NDManager parent, Map<String, NDArray> parameters) {
        super(parent.newSubManager());
        parameters.forEach((name, p) -> {
            m.put(name, manager.zeros(p.getShape(), p.getDataType()));
            v.put(name, manager.zeros(p.getShape(), p.getDataType()));
        });
    }

    /** Updates every parameter from its gradient (gradients are left as they are). */
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads, double lr, NDManager scope) {
        update(params, grads, lr, 1.0);
    }

    /**
     * Updates every parameter from {@code gradScale} times its gradient (the global-norm clipping
     * factor), one fused native call per parameter (DJL's adam_update: {@code m = b1 m + (1 - b1) g},
     * {@code v = b2 v + (1 - b2) g^2}, {@code p -= a m / (sqrt(v) + e)}). With
     * {@code a = lr sqrt(1 - b2^k) / (1 - b1^k)} and {@code e = eps sqrt(1 - b2^k)} that is exactly
     * PyTorch's {@code p -= lr / (1 - b1^k) * m / (sqrt(v / (1 - b2^k)) + eps)}: about ten tensor
     * calls fewer per parameter than writing it out.
     */
    public void update(Map<String, NDArray> params, Map<String, NDArray> grads, double lr, double gradScale) {
        step++;
        double bc1 = 1 - Math.pow(BETA1, step);
        double root2 = Math.sqrt(1 - Math.pow(BETA2, step));
        float a = (float) (lr * root2 / bc1);
        float e = (float) (EPSILON * root2);
        for (Map.Entry<String, NDArray> p : params.entrySet()) {
            JniUtils.adamUpdate((PtNDArray) p.getValue(), (PtNDArray) grads.get(p.getKey()),
                    (PtNDArray) m.get(p.getKey()), (PtNDArray) v.get(p.getKey()), (float) lr, a, 0f, (float) gradScale,
                    -1f, (float) BETA1, (float) BETA2, e, false);
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

    private void fill(Map<String, NDArray> target, Map<String, float[]> values, String what) {
        for (Map.Entry<String, NDArray> e : target.entrySet()) {
            float[] val = values.get(e.getKey());
            if (val == null || val.length != e.getValue().size()) {
                throw new IllegalArgumentException("saved optimiser state lacks the " + what + " moment of '"
                        + e.getKey() + "'");
            }
            replace(e, val);
        }
    }
}
