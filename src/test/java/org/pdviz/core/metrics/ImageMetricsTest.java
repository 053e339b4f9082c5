package org.pdviz.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pdviz.core.data.Mnist;
import org.pdviz.runtime.TestPaths;

/** FID and KID on MNIST digits with the fixed random-ReLU features. */
class ImageMetricsTest {

    static final int N = 1000;
    static float[] first, second;
    static final RandomReluFeatures FEATURES = RandomReluFeatures.mnist();

    @BeforeAll
    static void load() throws Exception {
        Mnist mnist = Mnist.load(TestPaths.home().resolve(Path.of("assets", "mnist")));
        // two disjoint halves of the training digits, in a seeded random order
        int[] idx = mnist.indices(false);
        Random rng = new Random(1);
        for (int i = idx.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        first = new float[N * 784];
        second = new float[N * 784];
        for (int i = 0; i < N; i++) {
            mnist.image(idx[i], first, i * 784);
            mnist.image(idx[N + i], second, i * 784);
        }
    }

    static SampleSet features(float[] images) throws Exception {
        return FEATURES.apply(new SampleSet(images, 784));
    }

    static double fid(float[] a, float[] b) throws Exception {
        return FrechetDistance.between(FeatureStats.of(features(a)), FeatureStats.of(features(b)));
    }

    @Test
    void featuresAreTheDocumentedFixedMap() throws Exception {
        // recomputed here from the definition: max(0, w_r . (x + 1) / 2), w_rj = Random(SEED) normals / 28
        float[] img = java.util.Arrays.copyOf(first, 784);
        float[] expected = new float[FEATURES.dim()];
        Random rng = new Random(RandomReluFeatures.SEED);
        for (int r = 0; r < expected.length; r++) {
            double dot = 0;
            for (int j = 0; j < 784; j++) {
                dot += rng.nextGaussian() / 28.0 * (img[j] + 1) / 2;
            }
            expected[r] = (float) Math.max(0, dot);
        }
        assertArrayEquals(expected, features(img).values(), 1e-4f);
        assertEquals("random-relu-64", FEATURES.id());
        int active = 0;
        for (float f : features(first).values()) {
            active += f > 0 ? 1 : 0;
        }
        assertTrue(active > 0.2 * N * FEATURES.dim(), "features are not dead: " + active);
    }

    @Test
    void twoHalvesOfRealDigitsAreCloseAndNoiseIsFar() throws Exception {
        double halves = fid(first, second);
        float[] noise = new float[N * 784];
        Random rng = new Random(2);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) Math.max(-1, Math.min(1, rng.nextGaussian()));
        }
        double vsNoise = fid(first, noise);
        assertTrue(halves < 0.02 * vsNoise, "halves " + halves + ", noise " + vsNoise);
        assertEquals(0, fid(first, first), 1e-6);
        KernelDistance kid = new KernelDistance(10, 500, 0);
        double kidHalves = kid.value(features(first), features(second));
        double kidNoise = kid.value(features(first), features(noise));
        assertTrue(Math.abs(kidHalves) < 0.01 * kidNoise, "KID halves " + kidHalves + ", noise " + kidNoise);
    }

    private static void assertMonotone(String what, UnaryOperator<float[]>[] edits) throws Exception {
        double prev = fid(first, second);
        SampleSet ref = features(first);
        double kidPrev = new KernelDistance(5, 500, 0).value(ref, features(second));
        for (int k = 0; k < edits.length; k++) {
            float[] edited = edits[k].apply(second);
            double f = fid(first, edited);
            double kid = new KernelDistance(5, 500, 0).value(ref, features(edited));
            assertTrue(f > prev, what + " level " + (k + 1) + ": FID " + f + " after " + prev);
            assertTrue(kid > kidPrev, what + " level " + (k + 1) + ": KID " + kid + " after " + kidPrev);
            prev = f;
            kidPrev = kid;
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void blurNoiseAndShiftScoreWorseTheMoreThereIs() throws Exception {
        assertMonotone("blur", new UnaryOperator[] {x -> ImageEdits.blur((float[]) x, 1),
            x -> ImageEdits.blur((float[]) x, 2), x -> ImageEdits.blur((float[]) x, 3)});
        assertMonotone("noise", new UnaryOperator[] {x -> ImageEdits.noise((float[]) x, 0.1, 3),
            x -> ImageEdits.noise((float[]) x, 0.3, 3), x -> ImageEdits.noise((float[]) x, 0.8, 3)});
        assertMonotone("shift", new UnaryOperator[] {x -> ImageEdits.shift((float[]) x, 1),
            x -> ImageEdits.shift((float[]) x, 2), x -> ImageEdits.shift((float[]) x, 4)});
    }

    @Test
    void fidIntervalFromTheBootstrap() throws Exception {
        SampleSet a = features(first), b = features(second), blurred = features(ImageEdits.blur(second, 2));
        Bootstrap boot = new Bootstrap(30, 0.95, 1);
        long t0 = System.nanoTime();
        Estimate near = FrechetDistance.estimate(a, b, boot);
        Estimate far = FrechetDistance.estimate(a, blurred, boot);
        System.out.printf("FID bootstrap, 2 x 30 replicates of %d x %d features: %.2f s%n", N, FEATURES.dim(),
                (System.nanoTime() - t0) / 1e9);
        assertTrue(near.contains(near.value()) && far.contains(far.value()), near + " " + far);
        assertTrue(near.hi() < far.lo(), near + " vs " + far);
    }
}
