package org.pdviz.runtime.exact;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pdviz.core.data.Mnist;
import org.pdviz.core.data.PointSets;
import org.pdviz.core.exact.GaussianMixture;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.onnx.OnnxGraph;

/** The exact teachers we ship: named Gaussian mixtures and their cards. */
public final class ExactTeachers {

    public static final String FAMILY = "exact-gaussian-mixture";

    private ExactTeachers() {
    }

    /** A preset: its id (also the model name stem), the data set name and a sentence for the card. */
    public record Preset(String id, String dataset, String description) {
    }

    public static List<Preset> presets() {
        return List.of(
                new Preset("gaussian-2d", "gaussian-2d",
                        "One 2-D Gaussian N((0.3, -0.2), 0.35^2 I): its exact denoiser is linear in z."),
                new Preset("gaussians8", "gaussians8",
                        "Eight 2-D Gaussians on a circle of radius 0.8, std 0.08: the exact denoiser of the"
                                + " gaussians8 data set."),
                new Preset("mnist-gaussian", "mnist-gaussian",
                        "One 1x28x28 Gaussian with the MNIST training mean image as mean and the mean per-pixel"
                                + " standard deviation as std."),
                new Preset("mnist-class-means", "mnist-class-means",
                        "Ten 1x28x28 Gaussians at the MNIST class-mean images, std 0.1: few-step DDIM blurs them"
                                + " together, many steps keep them apart."));
    }

    public static Preset preset(String id) {
        return presets().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown exact teacher '" + id + "', expected one of "
                        + presets().stream().map(Preset::id).toList()));
    }

    /** The mixture of a preset; the MNIST ones read the digits under {@code mnistFolder}. */
    public static GaussianMixture mixture(String id, Path mnistFolder) throws IOException {
        return switch (preset(id).id()) {
            case "gaussian-2d" -> GaussianMixture.single("gaussian-2d", DataShape.of(2), new double[] {0.3, -0.2}, 0.35);
            case "gaussians8" -> PointSets.GAUSSIANS8;
            case "mnist-gaussian" -> mnistGaussian(Mnist.load(mnistFolder));
            case "mnist-class-means" -> mnistClassMeans(Mnist.load(mnistFolder), 0.1);
            default -> throw new IllegalStateException(id);
        };
    }

    static GaussianMixture mnistGaussian(Mnist mnist) {
        int d = Mnist.SHAPE.size();
        int[] idx = mnist.indices(false);
        double[] sum = new double[d], sq = new double[d];
        float[] img = new float[d];
        for (int i : idx) {
            mnist.image(i, img, 0);
            for (int j = 0; j < d; j++) {
                sum[j] += img[j];
                sq[j] += img[j] * (double) img[j];
            }
        }
        double[] mean = new double[d];
        double var = 0;
        for (int j = 0; j < d; j++) {
            mean[j] = sum[j] / idx.length;
            var += sq[j] / idx.length - mean[j] * mean[j];
        }
        return GaussianMixture.single("mnist-gaussian", Mnist.SHAPE, mean, Math.sqrt(var / d));
    }

    static GaussianMixture mnistClassMeans(Mnist mnist, double std) {
        int d = Mnist.SHAPE.size();
        double[][] means = new double[10][d];
        int[] counts = new int[10];
        float[] img = new float[d];
        for (int i : mnist.indices(false)) {
            int c = mnist.label(i);
            mnist.image(i, img, 0);
            for (int j = 0; j < d; j++) {
                means[c][j] += img[j];
            }
            counts[c]++;
        }
        double[] w = new double[10], s = new double[10];
        for (int c = 0; c < 10; c++) {
            for (int j = 0; j < d; j++) {
                means[c][j] /= counts[c];
            }
            w[c] = 1;
            s[c] = std;
        }
        return new GaussianMixture("mnist-class-means", Mnist.SHAPE, w, means, s);
    }

    public static ModelCard card(Preset p, GaussianMixture m, CosineSchedule schedule, String command) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("components", m.components());
        params.put("stds", m.stds());
        return new ModelCard(ModelCard.FORMAT, "exact-" + p.id(), p.dataset(), "x", ModelCard.ScheduleSpec.of(schedule),
                m.shape().dims(), new double[] {-1, 1}, null, new ModelCard.Family(FAMILY, params),
                new ModelCard.Lineage(null, null, null, null, Instant.now().toString(), null, command),
                p.description());
    }

    /**
     * The exact teacher of a set of points (or images): one Gaussian of std {@code std} on each,
     * equally weighted.
     *
     * @param name    the model's name, e.g. "exact-points"
     * @param dataset what the card calls the data (a file's name, a preset's)
     * @param rule    how {@code std} was chosen, for the card ("bandwidth rule" or "given")
     * @param data    where the points came from (file and hash, normalisation, subsampling)
     */
    public static ModelCard pointsCard(String name, String dataset, GaussianMixture m, double std, String rule,
                                       ModelCard.DataOrigin data, String command) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("components", m.components());
        params.put("std", std);
        params.put("bandwidth", rule);
        return new ModelCard(ModelCard.FORMAT, name, dataset, "x", ModelCard.ScheduleSpec.of(CosineSchedule.CLIPPED),
                m.shape().dims(), new double[] {-1, 1}, null, new ModelCard.Family(FAMILY, params),
                new ModelCard.Lineage(null, null, null, null, Instant.now().toString(), null, command, data),
                String.format(java.util.Locale.ROOT, "Exact teacher of %,d samples of %s: each one a Gaussian of std %.4g"
                        + " (%s), E[x | z_t] computed in the graph.", m.components(), dataset, std, rule));
    }

    /** Writes the exact teacher of a mixture (a points teacher, {@link #pointsCard}) to {@code out} atomically. */
    public static void write(GaussianMixture m, ModelCard card, Path out) throws IOException {
        OnnxGraph.write(ExactTeacherOnnx.build(m, CosineSchedule.CLIPPED, card), out);
    }

    /** Writes a preset's exact teacher to {@code out} atomically. */
    public static ModelCard write(String id, Path mnistFolder, Path out, String command) throws IOException {
        Preset p = preset(id);
        GaussianMixture m = mixture(id, mnistFolder);
        ModelCard card = card(p, m, CosineSchedule.CLIPPED, command);
        OnnxGraph.write(ExactTeacherOnnx.build(m, CosineSchedule.CLIPPED, card), out);
        return card;
    }
}
