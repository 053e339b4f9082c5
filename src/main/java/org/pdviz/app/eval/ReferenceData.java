package org.pdviz.app.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.pdviz.core.data.Dataset;
import org.pdviz.core.data.Mnist;
import org.pdviz.core.data.PointSets;
import org.pdviz.core.metrics.SampleSet;
import org.pdviz.core.model.DataShape;
import org.pdviz.runtime.exact.ExactTeachers;

/**
 * Samples of the true distribution that a teacher's card names, and a second, independent draw of
 * the same size (the "floor": what a perfect sampler scores with this many samples).
 * {@code null} from {@link #resolve} means the distribution is unknown.
 */
record ReferenceData(EvalReport.Reference info, SampleSet samples, SampleSet independent) {

    private static final long REFERENCE_SALT = 0x5A17E5L, FLOOR_SALT = 0xF1003L;

    static ReferenceData resolve(String dataset, DataShape shape, int count, long seed, Path mnistFolder)
            throws IOException {
        if (dataset == null) {
            return null;
        }
        if (shape.equals(Mnist.SHAPE) && dataset.equals("mnist")) {
            return mnist(Mnist.load(mnistFolder), count, seed);
        }
        Dataset data = null;
        String kind = null, description = null;
        if (shape.isPoints() && PointSets.names().contains(dataset)) {
            data = PointSets.byName(dataset);
            kind = "dataset";
            description = "fresh samples of the " + dataset + " data set";
        } else if (ExactTeachers.presets().stream().anyMatch(p -> p.dataset().equals(dataset))) {
            var preset = ExactTeachers.presets().stream().filter(p -> p.dataset().equals(dataset)).findFirst()
                    .orElseThrow();
            var mixture = ExactTeachers.mixture(preset.id(), mnistFolder);
            data = PointSets.mixture(mixture);
            kind = "mixture";
            description = "exact samples of the Gaussian mixture '" + dataset + "' (" + mixture.components()
                    + " components)";
        }
        if (data == null || !data.shape().equals(shape)) {
            return null;
        }
        SampleSet reference = new SampleSet(data.sample(new Random(seed ^ REFERENCE_SALT), count), shape.size());
        SampleSet independent = new SampleSet(data.sample(new Random(seed ^ FLOOR_SALT), count), shape.size());
        return new ReferenceData(new EvalReport.Reference(kind, dataset, count, description), reference, independent);
    }

    /**
     * The held-out digits (all 1,000 of them, or a seeded subset when fewer samples are evaluated);
     * the floor compares as many training digits with them.
     */
    private static ReferenceData mnist(Mnist mnist, int count, long seed) {
        int[] heldOut = mnist.indices(true), train = mnist.indices(false);
        int n = Math.min(count, heldOut.length);
        Random rng = new Random(seed ^ REFERENCE_SALT);
        SampleSet reference = pick(mnist, heldOut, n, rng);
        SampleSet independent = pick(mnist, train, Math.min(count, train.length), new Random(seed ^ FLOOR_SALT));
        return new ReferenceData(new EvalReport.Reference("mnist-heldout", "mnist", n,
                n + " held-out MNIST digits (every tenth digit, never trained on)"), reference, independent);
    }

    private static SampleSet pick(Mnist mnist, int[] indices, int n, Random rng) {
        int[] idx = indices.clone();
        for (int i = 0; i < n; i++) {
            int j = i + rng.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int d = Mnist.SHAPE.size();
        float[] out = new float[n * d];
        for (int i = 0; i < n; i++) {
            mnist.image(idx[i], out, i * d);
        }
        return new SampleSet(out, d);
    }
}
