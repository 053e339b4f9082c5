package org.pdviz.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pdviz.core.data.PointSets;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.param.Predictions;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.NoiseLevel;
import org.pdviz.runtime.Device;
import org.pdviz.train.djl.Adam;
import org.pdviz.train.djl.DjlDenoiser;
import org.pdviz.train.djl.Ema;
import org.pdviz.train.djl.Network;
import org.pdviz.train.djl.Readouts;
import org.pdviz.train.djl.Torch;
import org.pdviz.train.djl.XLossStep;
import org.pdviz.train.family.Families;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.Weights;

/** The pieces of an optimisation step against closed forms and core's own read-out. */
class OptimisationTest {

    static Family mlp(int width, Parameterization p) {
        return Families.build("mlp", DataShape.of(2), p.outputFactor(), Map.of("width", width, "depth", 2,
                "embedding", 8));
    }

    @Test
    void adamMatchesItsDefinitionOverSeveralSteps() {
        Torch.engine();
        try (NDManager m = NDManager.newBaseManager()) {
            double[] p = {1.0, -2.0, 0.5};
            NDArray param = m.create(new float[] {1f, -2f, 0.5f});
            Map<String, NDArray> params = Map.of("p", param);
            double[][] grads = {{0.3, -1.0, 0.0}, {0.1, 2.0, -0.5}, {-0.2, 0.5, 1e-3}};
            double lr = 0.01;
            double[] mom = new double[3], vel = new double[3];
            try (Adam adam = new Adam(m, params)) {
                for (int k = 1; k <= grads.length; k++) {
                    try (NDManager scope = m.newSubManager()) {
                        float[] g = new float[3];
                        for (int i = 0; i < 3; i++) {
                            g[i] = (float) grads[k - 1][i];
                        }
                        adam.update(params, Map.of("p", scope.create(g)), lr, scope);
                    }
                    for (int i = 0; i < 3; i++) {
                        double g = (float) grads[k - 1][i];
                        mom[i] = Adam.BETA1 * mom[i] + (1 - Adam.BETA1) * g;
                        vel[i] = Adam.BETA2 * vel[i] + (1 - Adam.BETA2) * g * g;
                        double mHat = mom[i] / (1 - Math.pow(Adam.BETA1, k));
                        double vHat = vel[i] / (1 - Math.pow(Adam.BETA2, k));
                        p[i] -= lr * mHat / (Math.sqrt(vHat) + Adam.EPSILON);
                    }
                    float[] got = param.toFloatArray();
                    for (int i = 0; i < 3; i++) {
                        assertEquals(p[i], got[i], 2e-6, "step " + k + " value " + i);
                    }
                }
                assertEquals(3, adam.step());
            }
        }
    }

    @Test
    void emaWarmsUpThenDecaysAtItsRate() {
        Family f = mlp(4, Parameterization.V);
        try (Network net = new Network(f, Weights.initialize(f, 1), Device.CPU, true);
             Ema ema = new Ema(net, 0.999)) {
            assertEquals(0.1, ema.decayAt(0), 1e-12);
            assertEquals(0.999, ema.decayAt(1_000_000), 1e-12);
            String name = "out.bias";
            float before = ema.weights().get(name)[0];
            float[] shifted = net.weights().get(name).clone();
            shifted[0] += 1f;
            Map<String, float[]> w = new LinkedHashMap<>(net.weights().asMap());
            w.put(name, shifted);
            net.load(new Weights(w));
            try (NDManager scope = net.manager().newSubManager()) {
                ema.update(net.parameters(), 5, scope);
            }
            double d = ema.decayAt(5);
            assertEquals(d * before + (1 - d) * shifted[0], ema.weights().get(name)[0], 1e-6);
        }
    }

    @Test
    void tensorReadOutEqualsCoresReadOutForEveryParameterization() {
        Torch.engine();
        SeededRandom rng = new SeededRandom(3);
        int batch = 6, dim = 2;
        for (Parameterization p : Parameterization.values()) {
            NoiseLevel[] levels = new NoiseLevel[batch];
            float[] z = new float[batch * dim], out = new float[batch * dim * p.outputFactor()];
            for (int b = 0; b < batch; b++) {
                levels[b] = CosineSchedule.CLIPPED.at(b == 0 ? 0.0 : b == 1 ? 0.999 : rng.nextDouble());
            }
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) rng.nextGaussian();
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) rng.nextGaussian();
            }
            float[] got;
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray zA = m.create(z, new ai.djl.ndarray.types.Shape(batch, dim));
                NDArray oA = m.create(out, new ai.djl.ndarray.types.Shape(batch, dim * p.outputFactor()));
                got = Readouts.xHat(p, oA, zA, Readouts.xHatCoefficients(m, p, levels, 2)).toFloatArray();
            }
            float[] xHat = new float[dim], eps = new float[dim], v = new float[dim];
            for (int b = 0; b < batch; b++) {
                Predictions.readOut(p, levels[b], z, b * dim, out, b * dim * p.outputFactor(), dim, null, xHat, eps, v,
                        0);
                for (int j = 0; j < dim; j++) {
                    assertEquals(xHat[j], got[b * dim + j], 1e-5 * (1 + Math.abs(xHat[j])), p.id() + " sample " + b);
                }
            }
        }
    }

    @Test
    void gradientsAreClippedByTheirGlobalNorm() throws Exception {
        Family f = mlp(8, Parameterization.V);
        double clip = 1e-3;
        try (Network net = new Network(f, Weights.initialize(f, 2), Device.CPU, true);
             XLossStep step = new XLossStep(net, Parameterization.V, Weighting.SNR_PLUS_ONE, clip, 0)) {
            NoisyBatch b = NoisyBatch.continuous(new SeededRandom(1), PointSets.byName("moons"), 32,
                    CosineSchedule.CLIPPED);
            XLossStep.Outcome o = step.step(new XLossStep.Batch(b.z(), b.t(), b.x(), b.levels()), 1e-3);
            assertTrue(o.gradNorm() > 10 * clip, "the test needs a gradient above the clip: " + o.gradNorm());
            // Adam's first moment after one step is (1 - beta1) g: its norm shows the clipped gradient
            double sq = 0;
            for (float[] m : step.adam().firstMoments().values()) {
                for (float x : m) {
                    sq += x * (double) x;
                }
            }
            assertEquals((1 - Adam.BETA1) * clip, Math.sqrt(sq), 1e-3 * (1 - Adam.BETA1) * clip);
        }
    }

    @Test
    void stepsAndTeacherCallsLeaveNoTensorsBehind() throws Exception {
        Family f = mlp(16, Parameterization.BOTH);
        try (Network net = new Network(f, Weights.initialize(f, 2), Device.CPU, true);
             XLossStep step = new XLossStep(net, Parameterization.BOTH, Weighting.TRUNCATED_SNR, 1.0, 0.99)) {
            SeededRandom rng = new SeededRandom(1);
            var data = PointSets.byName("moons");
            Runnable one = () -> {
                try {
                    NoisyBatch b = NoisyBatch.continuous(rng, data, 16, CosineSchedule.CLIPPED);
                    step.step(new XLossStep.Batch(b.z(), b.t(), b.x(), b.levels()), 1e-3);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            one.run();
            int after1 = net.managedArrays();
            for (int i = 0; i < 20; i++) {
                one.run();
            }
            assertEquals(after1, net.managedArrays(), "tensors piled up in the network's manager over 20 steps");
            DjlDenoiser d = new DjlDenoiser(net, Parameterization.BOTH);
            float[] z = new float[10], t = new float[5], out = new float[20];
            d.predict(z, t, 0, 5, out);
            int afterPredict = net.managedArrays();
            for (int i = 0; i < 10; i++) {
                d.predict(z, t, 0, 5, out);
            }
            assertEquals(afterPredict, net.managedArrays(), "the teacher's forward leaks");
        }
    }

    @Test
    void learningRateFallsLinearlyToZeroWithinARound() {
        assertEquals(1e-3, Distillation.learningRate(1e-3, 0, 100), 0);
        assertEquals(5e-4, Distillation.learningRate(1e-3, 50, 100), 1e-18);
        assertEquals(1e-5, Distillation.learningRate(1e-3, 99, 100), 1e-18);
    }

    @Test
    void seededRandomResumesFromItsState() {
        SeededRandom a = new SeededRandom(42);
        for (int i = 0; i < 5; i++) {
            a.nextGaussian();
            a.nextInt(7);
        }
        SeededRandom b = new SeededRandom(0).restore(a.state());
        for (int i = 0; i < 20; i++) {
            assertEquals(a.nextGaussian(), b.nextGaussian());
            assertEquals(a.nextDouble(), b.nextDouble());
            assertEquals(a.nextBoolean(), b.nextBoolean());
            assertEquals(a.nextInt(10), b.nextInt(10));
        }
    }
}
