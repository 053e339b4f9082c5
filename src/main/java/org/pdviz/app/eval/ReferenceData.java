package org.pdviz.app.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.pdviz.core.data.DataTable;
import org.pdviz.core.data.Dataset;
import org.pdviz.core.data.Normalization;
import org.pdviz.core.data.read.DataReaders;
import org.pdviz.core.data.Mnist;
import org.pdviz.core.data.PointSets;
import org.pdviz.core.metrics.SampleSet;
import org.pdviz.core.model.DataShape;
import org.pdviz.runtime.card.ModelCard;
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
     * Samples of a data file: {@code count} rows drawn without replacement (with, when the file has
     * fewer), and as many others for the floor (disjoint when the file has at least twice as many).
     * Points get the normalisation the teacher's card records.
     */
    static ReferenceData fromFile(Path file, ModelCard card, DataShape shape, int count, long seed)
            throws IOException {
        DataTable table = DataReaders.read(file);
        if (!table.shape().equals(shape)) {
            throw new IllegalArgumentException(file.getFileName() + ": samples of shape " + table.shape()
                    + ", but the teacher's data has shape " + shape);
        }
        ModelCard.DataOrigin origin = card.lineage() == null ? null : card.lineage().data();
        Normalization map = origin == null ? null : origin.normalization();
        float[] values = map != null && shape.isPoints() && map.center().length == shape.size()
                ? map.apply(table.values()) : table.values();
        int n = table.count(), d = shape.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random rng = new Random(seed ^ REFERENCE_SALT);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float[] ref = new float[count * d], other = new float[count * d];
        Random extra = new Random(seed ^ FLOOR_SALT);
        for (int i = 0; i < count; i++) {
            int a = n >= count ? order[i] : extra.nextInt(n);
            int b = n >= 2 * count ? order[count + i] : extra.nextInt(n);
            System.arraycopy(values, a * d, ref, i * d, d);
            System.arraycopy(values, b * d, other, i * d, d);
        }
        String description = count + " samples of " + file.getFileName() + " (" + n + " in the file, sha256 "
                + table.sha256().substring(0, 12) + "..." + (map != null ? ", normalised as the card records" : "")
                + ")";
        return new ReferenceData(new EvalReport.Reference("file", file.getFileName().toString(), count, description),
                new SampleSet(ref, d), new SampleSet(other, d));
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
