package org.pdviz.runtime.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.core.data.Mnist;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.TestPaths;

class OnnxClassifierTest {

    static Mnist mnist;
    static TestClassifiers.Weights weights;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        mnist = Mnist.load(TestPaths.home().resolve("assets/mnist"));
        weights = TestClassifiers.weights(mnist);
    }

    @Test
    void featuresAndHeldOutAccuracyMatchAnIndependentComputation() throws Exception {
        Path file = dir.resolve("ncm.onnx");
        ClassifierCard card = new ClassifierCard(1, "nearest-class-mean", "mnist", TestClassifiers.F, 0.8, null,
                null, "test classifier");
        TestClassifiers.write(weights, card, file);
        try (OnnxClassifier c = OnnxClassifier.open(file)) {
            assertEquals(TestClassifiers.F, c.dim());
            assertEquals("nearest-class-mean", c.id());
            assertEquals(card, c.card());
            float[] images = mnist.images(true);
            int n = mnist.indices(true).length;
            float[] features = new float[n * c.dim()];
            c.features(images, n, features);
            int correct = 0;
            for (int i = 0; i < n; i++) {
                int best = -1;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int f = 0; f < TestClassifiers.F; f++) {
                    double s = weights.b()[f];
                    for (int j = 0; j < 784; j++) {
                        s += images[i * 784 + j] * weights.w()[j * TestClassifiers.F + f];
                    }
                    assertEquals(s, features[i * c.dim() + f], 1e-3 * (1 + Math.abs(s)));
                    if (f < 10 && s > bestScore) {
                        bestScore = s;
                        best = f;
                    }
                }
                correct += best == mnist.label(mnist.indices(true)[i]) ? 1 : 0;
            }
            OnnxClassifier.Accuracy acc = c.heldOutAccuracy(mnist);
            assertEquals(n, acc.total());
            assertEquals(correct, acc.correct(), 2, "ties may break differently in float32");
            assertTrue(acc.fraction() > 0.6, "nearest class mean is a real classifier: " + acc.fraction());
        }
    }

    @Test
    void aFileWithoutCardIsNamedAfterItself() throws Exception {
        Path file = dir.resolve("plain.onnx");
        TestClassifiers.write(weights, null, file);
        try (OnnxClassifier c = OnnxClassifier.open(file)) {
            assertNull(c.card());
            assertEquals("plain", c.id());
        }
    }

    @Test
    void aDenoiserIsNotAClassifier() {
        Path denoiser = TestPaths.home().resolve("models/exact/exact-gaussians8.onnx");
        ModelFileException e = assertThrows(ModelFileException.class, () -> OnnxClassifier.open(denoiser));
        assertTrue(e.getMessage().contains("exactly one input named 'x'"), e.getMessage());
        Path junk = dir.resolve("junk.onnx");
        assertThrows(ModelFileException.class, () -> {
            Files.writeString(junk, "not onnx");
            OnnxClassifier.open(junk);
        });
        assertThrows(ModelFileException.class, () -> OnnxClassifier.open(dir.resolve("missing.onnx")));
    }
}
