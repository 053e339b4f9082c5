package org.pdviz.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.NoiseLevel;

/**
 * One optimisation step on the weighted x-space loss shared by teacher training and distillation:
 * {@code mean_b w(lambda_b) mean_j (target - x_hat)^2}, gradient clipping by global norm, Adam,
 * then the EMA (when there is one). Everything the step allocates lives in one manager closed at
 * its end.
 */
public final class XLossStep implements AutoCloseable {

    private final Network network;
    private final Parameterization parameterization;
    private final Weighting weighting;
    private final double clip;
    private Adam adam;
    private final Ema ema;
    private Timing lastTiming = new Timing(0, 0);

    /** A batch: {@code z}, {@code t}, the x target, and each sample's noise level (at its t). */
    public record Batch(float[] z, float[] t, float[] target, NoiseLevel[] levels) {
    }

    /** What a step reports: the loss and the gradient's global norm before clipping. */
    public record Outcome(double loss, double gradNorm) {
    }

    /**
     * Where the last step's time went: the student's forward and backward (inputs made, loss read
     * back), and the optimiser (gradient norm, clipping, Adam, zeroing, EMA). Native calls on the CPU
     * return when done, so the wall clock splits honestly; {@code pdviz bench train} reports it.
     */
    public record Timing(long forwardBackwardNanos, long optimiserNanos) {
    }

    public XLossStep(Network network, Parameterization parameterization, Weighting weighting, double clip,
                     double emaDecay) {
        if (network.family().outputFactor() != parameterization.outputFactor()) {
            throw new IllegalArgumentException("the network's output does not fit parameterisation "
                    + parameterization.id());
        }
        this.network = network;
        this.parameterization = parameterization;
        this.weighting = weighting;
        this.clip = clip;
        this.adam = new Adam(network);
        this.ema = emaDecay > 0 ? new Ema(network, emaDecay) : null;
    }

    public Adam adam() {
        return adam;
    }

    /** The EMA, or null when the step keeps none. */
    public Ema ema() {
        return ema;
    }

    /** A fresh optimiser (moments zero, step count 0), as each distillation round starts with. */
    public void resetOptimizer() {
        adam.close();
        adam = new Adam(network);
    }

    public Timing lastTiming() {
        return lastTiming;
    }

    public Outcome step(Batch b, double lr) throws TrainingException {
        long started = System.nanoTime();
        int batch = b.levels().length;
        long[] dims = network.family().dataShape().batched(batch);
        Shape shape = new Shape(dims);
        try (NDManager scope = network.manager().newSubManager()) {
            NDArray z = scope.create(FloatBuffer.wrap(b.z()), shape);
            NDArray t = scope.create(b.t(), new Shape(batch));
            NDArray target = scope.create(FloatBuffer.wrap(b.target()), shape);
            NDArray[] c = Readouts.xHatCoefficients(scope, parameterization, b.levels(), dims.length);
            float[] w = new float[batch];
            for (int i = 0; i < batch; i++) {
                w[i] = (float) weighting.weight(b.levels()[i]);
            }
            NDArray weights = scope.create(w, new Shape(batch));
            NDArray loss;
            try (GradientCollector gc = Torch.engine().newGradientCollector()) {
                NDArray out = network.forward(scope, z, t);
                NDArray xHat = Readouts.xHat(parameterization, out, z, c);
                // per-sample mean over the sample's values (PyTorch's mean takes one axis here: flatten first)
                loss = target.sub(xHat).square().reshape(batch, -1).mean(new int[] {1}).mul(weights).mean();
                gc.backward(loss);
            } finally {
                Torch.noGradients(); // the collector restores this thread's previous mode, which may be "on"
            }
            double lossValue = loss.getFloat();
            long backwardDone = System.nanoTime();
            Map<String, NDArray> params = network.parameters();
            Map<String, NDArray> grads = new LinkedHashMap<>();
            NDList flat = new NDList(params.size());
            for (Map.Entry<String, NDArray> e : params.entrySet()) {
                NDArray g = e.getValue().getGradient();
                g.attach(scope); // getGradient puts its handle in the parameter's manager
                grads.put(e.getKey(), g);
                flat.add(g.reshape(-1));
            }
            // the global norm in one reduction over all gradients (fewer native calls than one per tensor)
            NDArray all = NDArrays.concat(flat);
            double norm = Math.sqrt(all.dot(all).getFloat());
            if (!Double.isFinite(lossValue) || !Double.isFinite(norm)) {
                zeroGradients(params);
                throw new TrainingException("training diverged (loss " + lossValue + ", gradient norm " + norm
                        + "); try a smaller learning rate");
            }
            // clipping by global norm is a scale on every gradient, which Adam's fused update applies
            adam.update(params, grads, lr, clip > 0 && norm > clip ? clip / norm : 1.0);
            zeroGradients(params);
            if (ema != null) {
                ema.update(params, adam.step() - 1, scope);
            }
            lastTiming = new Timing(backwardDone - started, System.nanoTime() - backwardDone);
            return new Outcome(lossValue, norm);
        }
    }

    private static void zeroGradients(Map<String, NDArray> params) {
        params.values().forEach(p -> JniUtils.zeroGrad((PtNDArray) p));
    }

    @Override
    public void close() {
        adam.close();
        if (ema != null) {
            ema.close();
        }
    }
}
