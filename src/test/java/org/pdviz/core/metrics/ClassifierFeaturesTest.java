package org.pdviz.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pdviz.core.data.Mnist;
import org.pdviz.runtime.TestPaths;
import org.pdviz.runtime.features.OnnxClassifier;

/**
 * FID and KID on the features of the shipped MNIST classifier (models/classifier/): the file keeps
 * the contract, its card's accuracy is what ONNX Runtime measures, and its features tell real
 * digits from noise and blur.
 */
class ClassifierFeaturesTest {

    static final Path FILE = TestPaths.home().resolve("models/classifier/mnist-classifier.onnx");
    static final int HALF = 500;
    static Mnist mnist;
    static OnnxClassifier classifier;
    static float[] first, second;

    @BeforeAll
    static void load() throws Exception {
        mnist = Mnist.load(TestPaths.home().resolve("assets/mnist"));
        classifier = OnnxClassifier.open(FILE);
        // the two halves of the held-out digits (even and odd positions), which the classifier never saw
        float[] heldOut = mnist.images(true);
        first = new float[HALF * 784];
        second = new float[HALF * 784];
        for (int i = 0; i < 2 * HALF; i++) {
            System.arraycopy(heldOut, i * 784, i % 2 == 0 ? first : second, (i / 2) * 784, 784);
        }
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    static SampleSet features(float[] images) throws Exception {
        return classifier.apply(new SampleSet(images, 784));
    }

    static double fid(float[] a, float[] b) throws Exception {
        return FrechetDistance.between(FeatureStats.of(features(a)), FeatureStats.of(features(b)));
    }

    @Test
    void theShippedFileKeepsTheContractAndItsCardTellsTheTruth() throws Exception {
        assertTrue(Files.size(FILE) < 5_000_000, "small: " + Files.size(FILE));
        assertTrue(classifier.dim() >= 64 && classifier.dim() <= 128, "F = " + classifier.dim());
        assertEquals(classifier.dim(), classifier.card().features());
        assertEquals("mnist", classifier.card().dataset());
        assertTrue(classifier.card().lineage().command().startsWith("pdviz train-classifier"));
        OnnxClassifier.Accuracy acc = classifier.heldOutAccuracy(mnist);
        assertEquals(1000, acc.total());
        assertTrue(acc.fraction() >= 0.98, "held-out accuracy " + acc.fraction());
        assertEquals(classifier.card().heldOutAccuracy(), acc.fraction(), 0.0025);
    }

    @Test
    void twoHalvesOfTheHeldOutDigitsAreCloseAndNoiseAndBlurAreFar() throws Exception {
        double halves = fid(first, second);
        float[] noise = new float[HALF * 784];
        Random rng = new Random(2);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) Math.max(-1, Math.min(1, rng.nextGaussian()));
        }
        double vsNoise = fid(first, noise);
        assertTrue(halves < 0.01 * vsNoise, "halves " + halves + ", noise " + vsNoise); // measured 0.31 vs 157
        assertEquals(0, fid(first, first), 1e-6);
        double blur1 = fid(first, ImageEdits.blur(second, 1)), blur2 = fid(first, ImageEdits.blur(second, 2));
        assertTrue(halves < blur1 && blur1 < blur2, halves + " < " + blur1 + " < " + blur2);
        KernelDistance kid = new KernelDistance(10, HALF, 0);
        double kidHalves = kid.value(features(first), features(second));
        double kidNoise = kid.value(features(first), features(noise));
        assertTrue(Math.abs(kidHalves) < 0.01 * kidNoise, "KID halves " + kidHalves + ", noise " + kidNoise);
    }
}
