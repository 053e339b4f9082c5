package org.pdviz.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.core.data.Dataset;
import org.pdviz.core.data.PointSets;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.exact.GaussianMixture;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.train.family.Families;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.Weights;
import org.pdviz.train.onnx.Checkpoint;
import org.pdviz.train.state.TrainingState;

class TeacherTrainingTest {

    @TempDir
    Path dir;

    /** One 2-D Gaussian N((0.3, -0.2), 0.35^2 I): easy to learn, and its samples are easy to check. */
    static final GaussianMixture GAUSSIAN = GaussianMixture.single("gaussian-2d", DataShape.of(2),
            new double[] {0.3, -0.2}, 0.35);

    static Family mlp(int width, Parameterization p) {
        return Families.build("mlp", DataShape.of(2), p.outputFactor(), Map.of("width", width, "depth", 2,
                "embedding", 16));
    }

    TeacherTraining.Config config(Family f, Parameterization p, long iterations, long seed, Path out) {
        return new TeacherTraining.Config("gaussian-2d", f, p, Weighting.SNR_PLUS_ONE, iterations, 128, 3e-3, 0.99,
                1.0, seed, CosineSchedule.CLIPPED, out, "teacher", "pdviz train (test)", null, null);
    }

    static final class Losses implements Monitor {
        final List<Double> values = new ArrayList<>();

        @Override
        public void iteration(int round, int rounds, long done, long total, double loss) {
            values.add(loss);
        }

        double mean(int from, int to) {
            return values.subList(from, to).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }
    }

    @Test
    void aTeacherLearnsTheGaussianAndIsSavedWithItsEmaAndCard() throws Exception {
        Family f = mlp(32, Parameterization.V);
        Path out = dir.resolve("teacher.onnx");
        Losses losses = new Losses();
        Dataset data = PointSets.mixture(GAUSSIAN);
        TeacherTraining.Result r = TeacherTraining.run(config(f, Parameterization.V, 600, 1, out), data, Device.CPU,
                Checkpointer.none(), losses);
        assertFalse(r.cancelled());
        assertEquals(600, losses.values.size());
        // the exact denoiser's expected loss (the floor): with SNR+1 weights, E_t[s^2 / (alpha^2 s^2 + sigma^2)]
        double floor = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            var l = CosineSchedule.CLIPPED.at((i + 0.5) / n);
            floor += 0.35 * 0.35 / (l.alpha() * l.alpha() * 0.35 * 0.35 + l.sigma() * l.sigma()) / n;
        }
        assertTrue(losses.mean(0, 10) > 1.3 * floor, "starts well above the floor " + floor);
        assertTrue(losses.mean(500, 600) < 1.06 * floor, "ends at the floor " + floor + ": " + losses.mean(500, 600));

        Checkpoint cp = Checkpoint.read(out);
        for (String name : r.ema().asMap().keySet()) {
            assertArrayEquals(r.ema().get(name), cp.weights().get(name), "the file holds the EMA: " + name);
        }
        assertFalse(java.util.Arrays.equals(r.ema().get("out.weight"), r.last().get("out.weight")),
                "EMA and last iterate differ");
        ModelCard card = cp.card();
        assertEquals("v", card.parameterization());
        assertEquals("mlp", card.family().name());
        assertEquals(32, ((Number) card.family().params().get("width")).intValue());
        assertEquals(600L, card.lineage().iterations());
        assertEquals(1L, card.lineage().seed());
        assertNotNull(card.lineage().finalLoss());
        assertEquals(null, card.steps());

        // what it learned: 64-step DDIM samples have the Gaussian's mean and spread
        try (OnnxDenoiser d = OnnxDenoiser.open(out)) {
            float[] s = new DdimSampler(CosineSchedule.CLIPPED).sample("t", d, new SamplerSettings(64, 3, 2000, null,
                    SamplerSettings.Recording.FINAL), SamplingMonitor.NONE).finalSample();
            double[] mean = new double[2], var = new double[2];
            for (int i = 0; i < 2000; i++) {
                for (int j = 0; j < 2; j++) {
                    mean[j] += s[2 * i + j] / 2000.0;
                }
            }
            for (int i = 0; i < 2000; i++) {
                for (int j = 0; j < 2; j++) {
                    var[j] += Math.pow(s[2 * i + j] - mean[j], 2) / 2000.0;
                }
            }
            assertEquals(0.3, mean[0], 0.05);
            assertEquals(-0.2, mean[1], 0.05);
            assertEquals(0.35, Math.sqrt(var[0]), 0.06);
            assertEquals(0.35, Math.sqrt(var[1]), 0.06);
        }
    }

    @Test
    void everyParameterizationTrainsAndTheSameSeedGivesTheSameWeights() throws Exception {
        Dataset data = PointSets.byName("moons");
        for (Parameterization p : Parameterization.values()) {
            Family f = mlp(8, p);
            TeacherTraining.Result a = TeacherTraining.run(config(f, p, 25, 9, dir.resolve(p.id() + "-a.onnx")), data,
                    Device.CPU, Checkpointer.none(), Monitor.NONE);
            TeacherTraining.Result b = TeacherTraining.run(config(f, p, 25, 9, dir.resolve(p.id() + "-b.onnx")), data,
                    Device.CPU, Checkpointer.none(), Monitor.NONE);
            assertTrue(Double.isFinite(a.finalLoss()), p.id());
            for (String name : a.ema().asMap().keySet()) {
                assertArrayEquals(a.ema().get(name), b.ema().get(name), p.id() + " " + name);
            }
            try (OnnxDenoiser d = OnnxDenoiser.open(dir.resolve(p.id() + "-a.onnx"))) {
                assertEquals(p, d.parameterization());
            }
        }
    }

    @Test
    void aCancelledRunResumesToExactlyTheUninterruptedResult() throws Exception {
        Family f = mlp(16, Parameterization.V);
        Dataset data = PointSets.byName("moons");
        TeacherTraining.Result straight = TeacherTraining.run(config(f, Parameterization.V, 40, 5,
                dir.resolve("straight.onnx")), data, Device.CPU, Checkpointer.none(), Monitor.NONE);

        Path state = dir.resolve("state.bin");
        Checkpointer cp = new Checkpointer(state, 0, 0);
        Monitor cancelAt20 = new Monitor() {
            long seen;

            @Override
            public void iteration(int round, int rounds, long done, long total, double loss) {
                seen = done;
            }

            @Override
            public boolean cancelled() {
                return seen >= 20;
            }
        };
        TeacherTraining.Config c = config(f, Parameterization.V, 40, 5, dir.resolve("resumed.onnx"));
        TeacherTraining.Result first = TeacherTraining.run(c, data, Device.CPU, cp, cancelAt20);
        assertTrue(first.cancelled());
        assertEquals(20, first.iterations());
        assertFalse(Files.exists(dir.resolve("resumed.onnx")), "no teacher file before the run finishes");
        assertEquals(20, TrainingState.read(state).header().iteration());

        TeacherTraining.Result second = TeacherTraining.run(c, data, Device.CPU, cp, Monitor.NONE);
        assertFalse(second.cancelled());
        assertWeightsEqual(straight.ema(), second.ema());
        assertWeightsEqual(straight.last(), second.last());
        assertWeightsEqual(Checkpoint.read(dir.resolve("straight.onnx")).weights(),
                Checkpoint.read(dir.resolve("resumed.onnx")).weights());
    }

    @Test
    void aCrashedRunResumesFromItsLastSavedStateToTheSameResult() throws Exception {
        Family f = mlp(16, Parameterization.X);
        Dataset data = PointSets.byName("moons");
        TeacherTraining.Result straight = TeacherTraining.run(config(f, Parameterization.X, 30, 8,
                dir.resolve("straight.onnx")), data, Device.CPU, Checkpointer.none(), Monitor.NONE);
        Path state = dir.resolve("state.bin");
        Checkpointer every7 = new Checkpointer(state, 7, 0);
        TeacherTraining.Config c = config(f, Parameterization.X, 30, 8, dir.resolve("resumed.onnx"));
        // a crash: nothing gets saved at the moment it happens (as with kill -9)
        Monitor crashAt25 = (round, rounds, done, total, loss) -> {
            if (done == 25) {
                throw new IllegalStateException("simulated crash");
            }
        };
        assertThrows(IllegalStateException.class, () -> TeacherTraining.run(c, data, Device.CPU, every7,
                crashAt25));
        assertEquals(21, TrainingState.read(state).header().iteration());
        List<Long> resumedAt = new ArrayList<>();
        TeacherTraining.Result r = TeacherTraining.run(c, data, Device.CPU, every7,
                (round, rounds, done, total, loss) -> resumedAt.add(done));
        assertEquals(22L, resumedAt.get(0));
        assertWeightsEqual(straight.ema(), r.ema());
    }

    @Test
    void aDamagedStateIsReportedNotUsed() throws Exception {
        Path state = dir.resolve("state.bin");
        new TrainingState(new TrainingState.Header("train", 0, 3, 1, 3, new double[] {0.5}, 1.0, Map.of()),
                Map.of("weights", Map.of("a", new float[] {1, 2}))).write(state);
        assertEquals(3, TrainingState.read(state).header().iteration());
        byte[] bytes = Files.readAllBytes(state);
        bytes[bytes.length - 12] ^= 1;
        Files.write(state, bytes);
        var e = assertThrows(java.io.IOException.class, () -> TrainingState.read(state));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        Files.write(state, java.util.Arrays.copyOf(bytes, 20));
        assertThrows(java.io.IOException.class, () -> TrainingState.read(state));
    }

    static void assertWeightsEqual(Weights a, Weights b) {
        assertEquals(a.asMap().keySet(), b.asMap().keySet());
        for (String name : a.asMap().keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name);
        }
    }
}
