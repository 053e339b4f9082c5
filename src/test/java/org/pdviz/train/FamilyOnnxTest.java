package org.pdviz.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.param.Parameterization;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.onnx.OnnxGraph;
import org.pdviz.train.djl.DjlDenoiser;
import org.pdviz.train.djl.Network;
import org.pdviz.train.djl.XLossStep;
import org.pdviz.train.family.Families;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.Mlp;
import org.pdviz.train.family.Unet;
import org.pdviz.train.family.Weights;
import org.pdviz.train.onnx.Checkpoint;
import org.pdviz.train.onnx.FamilyOnnx;

/** One description per family drives both engines: ONNX Runtime on the export equals DJL's forward. */
class FamilyOnnxTest {

    @TempDir
    Path dir;

    static Family tinyMlp(Parameterization p) {
        return Families.build("mlp", DataShape.of(2), p.outputFactor(), Map.of("width", 24, "depth", 2,
                "embedding", 8));
    }

    static Family tinyUnet(Parameterization p) {
        return Families.build("unet", DataShape.of(1, 28, 28), p.outputFactor(), Map.of("channels", List.of(4, 8),
                "groups", 2, "embedding", 8, "timeDim", 16));
    }

    @Test
    void ortOnTheExportEqualsDjlForwardForEachFamilyAndBatchSize() throws Exception {
        for (Parameterization p : new Parameterization[] {Parameterization.V, Parameterization.BOTH}) {
            for (Family f : new Family[] {tinyMlp(p), tinyUnet(p)}) {
                // trained a little, so no parameter is at its tidy initial value (GroupNorm scale 1, bias 0)
                Weights w = perturbed(f, 11);
                Path file = dir.resolve(f.name() + "-" + p.id() + ".onnx");
                FamilyOnnx.write(f, w, TestCards.card(f, p, "test", null), file);
                try (Network net = new Network(f, w, Device.CPU, false);
                     OnnxDenoiser ort = OnnxDenoiser.open(file)) {
                    DjlDenoiser djl = new DjlDenoiser(net, p);
                    assertEquals(f.dataShape(), ort.shape());
                    for (int batch : new int[] {1, 3, 8}) {
                        int dim = f.dataShape().size(), outDim = dim * p.outputFactor();
                        SeededRandom rng = new SeededRandom(batch);
                        float[] z = new float[batch * dim], t = new float[batch];
                        for (int i = 0; i < z.length; i++) {
                            z[i] = (float) rng.nextGaussian();
                        }
                        for (int b = 0; b < batch; b++) {
                            t[b] = b == 0 ? 1f : b == 1 ? 0f : (float) rng.nextDouble();
                        }
                        float[] a = new float[batch * outDim], e = new float[batch * outDim];
                        djl.predict(z, t, 0, batch, a);
                        ort.predict(z, t, 0, batch, e);
                        double maxDiff = 0, maxAbs = 0;
                        for (int i = 0; i < a.length; i++) {
                            maxDiff = Math.max(maxDiff, Math.abs(a[i] - e[i]));
                            maxAbs = Math.max(maxAbs, Math.abs(e[i]));
                        }
                        assertTrue(maxAbs > 1e-2, "outputs are not trivially zero");
                        assertTrue(maxDiff < 1e-4, f.name() + " " + p.id() + " batch " + batch + ": max |DJL - ORT| = "
                                + maxDiff);
                    }
                }
            }
        }
    }

    @Test
    void onnxToDjlToOnnxKeepsEveryWeightBitIdentical() throws Exception {
        for (Family f : new Family[] {tinyMlp(Parameterization.V), tinyUnet(Parameterization.V)}) {
            Weights w = perturbed(f, 5);
            Path first = dir.resolve(f.name() + "-1.onnx"), second = dir.resolve(f.name() + "-2.onnx");
            ModelCard card = TestCards.card(f, Parameterization.V, "test", null);
            FamilyOnnx.write(f, w, card, first);
            Checkpoint cp = Checkpoint.read(first);
            assertEquals(f, cp.family());
            try (Network net = new Network(cp.family(), cp.weights(), Device.CPU, true)) {
                FamilyOnnx.write(cp.family(), net.weights(), cp.card(), second);
            }
            OnnxMl.ModelProto a = OnnxGraph.read(first), b = OnnxGraph.read(second);
            assertEquals(a.getGraph().getInitializerCount(), b.getGraph().getInitializerCount());
            for (int i = 0; i < a.getGraph().getInitializerCount(); i++) {
                OnnxMl.TensorProto x = a.getGraph().getInitializer(i), y = b.getGraph().getInitializer(i);
                assertEquals(x.getName(), y.getName());
                assertArrayEquals(x.getRawData().toByteArray(), y.getRawData().toByteArray(), x.getName());
            }
            for (String name : w.asMap().keySet()) {
                assertArrayEquals(w.get(name), cp.weights().get(name), name);
            }
        }
    }

    @Test
    void defaultSizesMatchTheSpikesNetworks() {
        assertEquals(284_065, Unet.defaults(DataShape.of(1, 28, 28), 1).parameterCount());
        Mlp m = new Mlp(2, 256, 2, 32, 1);
        assertEquals(75_266, m.parameterCount());
    }

    @Test
    void familiesRejectBadHyperparametersInOneLine() {
        var e = assertThrows(IllegalArgumentException.class, () -> Families.build("unet", DataShape.of(1, 28, 28), 1,
                Map.of("channels", "30,64")));
        assertTrue(e.getMessage().contains("divisible by groups"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Families.build("mlp", DataShape.of(1, 28, 28), 1,
                Map.of()));
        assertTrue(e.getMessage().contains("use unet"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Families.build("mlp", DataShape.of(2), 1,
                Map.of("widht", 3)));
        assertTrue(e.getMessage().contains("widht"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Families.build("resnet", DataShape.of(2), 1, Map.of()));
    }

    /** Initial weights moved by a few optimisation steps on random targets. */
    static Weights perturbed(Family f, long seed) throws Exception {
        Parameterization p = f.outputFactor() == 2 ? Parameterization.BOTH : Parameterization.V;
        try (Network net = new Network(f, Weights.initialize(f, seed), Device.CPU, true);
             XLossStep step = new XLossStep(net, p, Weighting.TRUNCATED_SNR, 1.0, 0)) {
            SeededRandom rng = new SeededRandom(seed);
            int batch = 4, dim = f.dataShape().size();
            for (int k = 0; k < 3; k++) {
                float[] z = new float[batch * dim], x = new float[batch * dim], t = new float[batch];
                var levels = new org.pdviz.core.schedule.NoiseLevel[batch];
                for (int i = 0; i < z.length; i++) {
                    z[i] = (float) rng.nextGaussian();
                    x[i] = (float) rng.nextGaussian();
                }
                for (int b = 0; b < batch; b++) {
                    t[b] = (float) (0.2 + 0.6 * rng.nextDouble());
                    levels[b] = org.pdviz.core.schedule.CosineSchedule.CLIPPED.at(t[b]);
                }
                step.step(new XLossStep.Batch(z, t, x, levels), 0.05);
            }
            return net.weights();
        }
    }
}
