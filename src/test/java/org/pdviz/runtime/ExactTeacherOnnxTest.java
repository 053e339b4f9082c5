package org.pdviz.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.core.exact.ExactDenoiser;
import org.pdviz.core.exact.GaussianMixture;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.exact.ExactTeachers;

class ExactTeacherOnnxTest {

    static final Path MNIST = TestPaths.home().resolve("assets/mnist");

    @TempDir
    Path dir;

    @Test
    void everyPresetMatchesTheJavaClosedFormAcrossTime() throws Exception {
        for (ExactTeachers.Preset p : ExactTeachers.presets()) {
            Path file = dir.resolve(p.id() + ".onnx");
            ModelCard card = ExactTeachers.write(p.id(), MNIST, file, "test");
            GaussianMixture m = ExactTeachers.mixture(p.id(), MNIST);
            ExactDenoiser java = new ExactDenoiser(m, CosineSchedule.CLIPPED);
            try (OnnxDenoiser onnx = OnnxDenoiser.open(file)) {
                assertEquals(card, onnx.card());
                assertTrue(onnx.hasCard());
                assertEquals(Parameterization.X, onnx.parameterization());
                assertEquals(m.shape(), onnx.shape());
                int d = m.shape().size(), batch = 7;
                Random rng = new Random(p.id().hashCode());
                for (double t0 : new double[] {1e-4, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1.0}) {
                    float[] z = new float[batch * d], t = new float[batch];
                    for (int b = 0; b < batch; b++) {
                        // z drawn from the model's own marginal at t, plus stragglers far from it
                        double a = CosineSchedule.CLIPPED.alpha(t0), s = CosineSchedule.CLIPPED.sigma(t0);
                        float[] x = m.sample(rng, 1);
                        for (int j = 0; j < d; j++) {
                            z[b * d + j] = (float) (a * x[j] + s * rng.nextGaussian() * (b == 0 ? 3 : 1));
                        }
                        t[b] = (float) (b == batch - 1 ? rng.nextDouble() : t0);
                    }
                    float[] expected = new float[batch * d], actual = new float[batch * d];
                    java.predict(z, t, 0, batch, expected);
                    onnx.predict(z, t, 0, batch, actual);
                    for (int j = 0; j < expected.length; j++) {
                        assertEquals(expected[j], actual[j], 1e-5, p.id() + " at t=" + t[j / d] + " value " + j);
                    }
                }
            }
        }
    }

    @Test
    void aSplitBatchGivesTheSameAnswers() throws Exception {
        Path file = dir.resolve("g8.onnx");
        ExactTeachers.write("gaussians8", MNIST, file, "test");
        try (OnnxDenoiser onnx = OnnxDenoiser.open(file)) {
            Random rng = new Random(1);
            float[] z = new float[10 * 2], t = new float[10];
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) rng.nextGaussian();
            }
            for (int i = 0; i < 10; i++) {
                t[i] = (float) rng.nextDouble();
            }
            float[] whole = new float[20], parts = new float[20];
            onnx.predict(z, t, 0, 10, whole);
            onnx.predict(z, t, 0, 3, parts);
            onnx.predict(z, t, 3, 7, parts);
            for (int i = 0; i < 20; i++) {
                assertEquals(whole[i], parts[i], 1e-6);
            }
        }
    }

    @Test
    void theCardReadsBackThroughInspect() throws Exception {
        Path file = dir.resolve("g.onnx");
        ModelCard card = ExactTeachers.write("gaussian-2d", MNIST, file, "pdviz exact --preset gaussian-2d");
        OnnxDenoiser.Inspection info = OnnxDenoiser.inspect(file);
        assertEquals(card, info.card());
        assertNull(info.card().steps());
        assertFalse(info.card().isStudent());
        assertEquals("pdviz exact --preset gaussian-2d", info.card().lineage().command());
        assertEquals(2, info.signature().inputs().size());
    }
}
