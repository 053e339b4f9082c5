package org.pdviz.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.core.data.Mnist;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.TestPaths;
import org.pdviz.runtime.features.ClassifierCard;
import org.pdviz.runtime.features.OnnxClassifier;
import org.pdviz.train.djl.ClassifierNetwork;
import org.pdviz.train.djl.Torch;
import org.pdviz.train.family.Classifier;
import org.pdviz.train.family.ParamSpec;
import org.pdviz.train.family.Weights;
import org.pdviz.train.onnx.ClassifierOnnx;

/** The feature classifier: one description for DJL and ONNX, training that learns, resume that continues. */
class ClassifierTrainingTest {

    static Mnist mnist;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        mnist = Mnist.load(TestPaths.home().resolve("assets/mnist"));
        Torch.threads(1);
    }

    static Classifier tiny(int blocks) {
        return Classifier.of(Map.of("channels", "8,16,16", "groups", 4, "features", 24, "blocks", blocks));
    }

    /** Weights away from their tidy initial values (norm scale 1, bias 0), seeded. */
    static Weights perturbed(Classifier c, long seed) {
        Weights w = Weights.initialize(c, seed);
        SeededRandom rng = new SeededRandom(seed + 1);
        Map<String, float[]> m = new java.util.LinkedHashMap<>();
        for (ParamSpec p : c.parameters()) {
            float[] v = w.get(p.name()).clone();
            for (int i = 0; i < v.length; i++) {
                v[i] += (float) (0.2 * rng.nextGaussian());
            }
            m.put(p.name(), v);
        }
        return new Weights(m);
    }

    @Test
    void ortOnTheExportEqualsDjlForwardForFeaturesAndLogits() throws Exception {
        for (int blocks : new int[] {1, 2}) {
            Classifier c = tiny(blocks);
            Weights w = perturbed(c, 7 + blocks);
            Path file = dir.resolve("c" + blocks + ".onnx");
            ClassifierCard card = new ClassifierCard(ClassifierCard.FORMAT, "tiny", "mnist", c.features(), 0.5, null,
                    null, "test");
            ClassifierOnnx.write(c, w, card, file);
            float[] digits = mnist.images(true);
            try (ClassifierNetwork net = new ClassifierNetwork(c, w, Device.CPU, false);
                 OnnxClassifier ort = OnnxClassifier.open(file)) {
                assertEquals(c.features(), ort.dim());
                assertEquals(card, ort.card());
                for (int batch : new int[] {1, 5, 32}) {
                    float[] x = java.util.Arrays.copyOfRange(digits, 100 * 784, (100 + batch) * 784);
                    Classifier.Outputs<float[]> djl = net.predict(x, batch);
                    float[] f = new float[batch * c.features()], l = new float[batch * Classifier.CLASSES];
                    ort.features(x, batch, f);
                    ort.logits(x, batch, l);
                    assertClose(djl.features(), f, "features, blocks " + blocks + ", batch " + batch);
                    assertClose(djl.logits(), l, "logits, blocks " + blocks + ", batch " + batch);
                }
            }
        }
    }

    private static void assertClose(float[] djl, float[] ort, String what) {
        assertEquals(djl.length, ort.length, what);
        double maxDiff = 0, maxAbs = 0;
        int active = 0;
        for (int i = 0; i < djl.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(djl[i] - ort[i]));
            maxAbs = Math.max(maxAbs, Math.abs(ort[i]));
            active += ort[i] != 0 ? 1 : 0;
        }
        assertTrue(maxAbs > 1e-2 && active > djl.length / 4, what + ": outputs are not trivially zero");
        assertTrue(maxDiff < 1e-4, what + ": max |DJL - ORT| = " + maxDiff);
    }

    /** Small enough for a test, deep enough to leave chance behind within 200 steps. */
    private ClassifierTraining.Config config(long iterations, Path out) {
        Classifier c = Classifier.of(Map.of("channels", "8,16,16", "blocks", 2, "groups", 2, "features", 64));
        return new ClassifierTraining.Config(c, iterations, 32, 2e-3, 1, 5, 0, out, "tiny", "test command");
    }

    @Test
    void aTinyRunLearnsAndWritesAClassifierThatPassesTheContract() throws Exception {
        Path out = dir.resolve("tiny.onnx");
        ClassifierTraining.Result r = ClassifierTraining.run(config(200, out), mnist, Device.CPU,
                Checkpointer.none(), Monitor.NONE);
        assertFalse(r.cancelled());
        assertEquals(200, r.iterations());
        // measured 0.30-0.35 for seeds 3 and 5 (a small network with mean pooling is slow to leave chance)
        assertTrue(r.heldOut().fraction() > 0.2, "chance is 0.1; after 200 steps: " + r.heldOut().fraction());
        assertEquals(1000, r.heldOut().total());
        try (OnnxClassifier c = OnnxClassifier.open(out)) {
            assertEquals(64, c.dim());
            ClassifierCard card = c.card();
            assertEquals("tiny", card.name());
            assertEquals("mnist", card.dataset());
            assertEquals(64, card.features());
            assertEquals(r.heldOut().fraction(), card.heldOutAccuracy(), 0);
            assertEquals("classifier", card.family().name());
            assertEquals("test command", card.lineage().command());
            assertEquals(5L, card.lineage().seed());
            assertEquals(200L, card.lineage().iterations());
            // ONNX Runtime on the written file measures the same accuracy (up to a float near-tie)
            assertEquals(r.heldOut().correct(), c.heldOutAccuracy(mnist).correct(), 2);
        }
    }

    @Test
    void aCancelledRunResumesToTheSameWeightsAsAnUninterruptedOne() throws Exception {
        ClassifierTraining.Result straight = ClassifierTraining.run(config(40, dir.resolve("a.onnx")), mnist,
                Device.CPU, Checkpointer.none(), Monitor.NONE);
        Checkpointer checkpointer = new Checkpointer(dir.resolve("state.bin"), 0, 0);
        Monitor stopAt15 = new Monitor() {
            private long done;

            @Override
            public void iteration(int round, int rounds, long d, long total, double loss) {
                done = d;
            }

            @Override
            public boolean cancelled() {
                return done >= 15;
            }
        };
        ClassifierTraining.Result first = ClassifierTraining.run(config(40, dir.resolve("b.onnx")), mnist,
                Device.CPU, checkpointer, stopAt15);
        assertTrue(first.cancelled());
        assertEquals(15, first.iterations());
        assertNull(first.heldOut());
        assertFalse(dir.resolve("b.onnx").toFile().exists(), "a cancelled run writes no classifier");
        ClassifierTraining.Result resumed = ClassifierTraining.run(config(40, dir.resolve("b.onnx")), mnist,
                Device.CPU, checkpointer, Monitor.NONE);
        assertEquals(40, resumed.iterations());
        for (String name : straight.weights().asMap().keySet()) {
            assertArrayEquals(straight.weights().get(name), resumed.weights().get(name), name);
        }
        assertEquals(straight.heldOut(), resumed.heldOut());
    }

    @Test
    void shiftsMoveTheDigitAndFillWithBackground() {
        float[] digit = new float[784];
        for (int i = 0; i < 784; i++) {
            digit[i] = i / 784f;
        }
        float[] out = new float[2 * 784];
        ClassifierTraining.shift(digit, 2, -1, out, 784);
        assertEquals(digit[(5 + 1) * 28 + (7 - 2)], out[784 + 5 * 28 + 7], 0); // out[y][x] = in[y + 1][x - 2]
        assertEquals(-1f, out[784 + 3 * 28], 0, "left columns come from outside");
        assertEquals(-1f, out[784 + 27 * 28 + 10], 0, "the bottom row comes from outside");
        assertEquals(0f, out[0], 0, "nothing written before the offset");
        ClassifierTraining.shift(digit, 0, 0, out, 0);
        assertArrayEquals(digit, java.util.Arrays.copyOf(out, 784));
    }

    @Test
    void theLearningRateDecaysAlongACosine() {
        ClassifierTraining.Config c = config(100, dir.resolve("x.onnx"));
        assertEquals(2e-3, c.lrAt(0), 1e-15);
        assertEquals(1e-3, c.lrAt(50), 1e-12);
        assertTrue(c.lrAt(99) > 0 && c.lrAt(99) < 1e-5);
    }

    @Test
    void badHyperparametersAreRefusedWithAClearMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> Classifier.of(Map.of("features", 500)));
        assertTrue(e.getMessage().contains("features"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Classifier.of(Map.of("channels", "8,12")));
        assertTrue(e.getMessage().contains("divisible"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Classifier.of(Map.of("channels", "8,8,8,8")));
        assertTrue(e.getMessage().contains("1 to 3 levels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Classifier.of(Map.of("width", 3)));
        assertTrue(e.getMessage().contains("unknown classifier hyperparameter"), e.getMessage());
        assertEquals(List.of(16, 32, 64), Classifier.defaults().channels());
        assertEquals(7, Classifier.defaults().finalSize());
    }
}
