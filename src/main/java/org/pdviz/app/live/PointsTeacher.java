package org.pdviz.app.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.pdviz.core.data.DataTable;
import org.pdviz.core.exact.Bandwidth;
import org.pdviz.core.exact.GaussianMixture;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.exact.ExactTeachers;
import org.pdviz.train.TeacherTiming;
import org.pdviz.train.data.TrainingData;

/**
 * An exact teacher from a set of points: every point (at most {@code maxPoints}, a seeded subset
 * beyond) a Gaussian component of std S, {@link Bandwidth}'s rule unless given. No training: the
 * denoiser {@code E[x | z_t]} is closed form, computed inside the ONNX graph.
 */
public final class PointsTeacher {

    private PointsTeacher() {
    }

    /**
     * @param std       the components' std; null: the bandwidth rule
     * @param maxPoints at most this many components (a seeded subset beyond); 0: every point
     */
    public record Request(TrainingData.Source data, Double std, int maxPoints, long seed, String name, Path out,
                          String command) {
        public Request {
            if (std != null && !(std > 0 && Double.isFinite(std))) {
                throw new IllegalArgumentException("--std must be positive, got " + std);
            }
            if (maxPoints < 0) {
                throw new IllegalArgumentException("--max-points must be 0 (all) or positive, got " + maxPoints);
            }
            if (data.table() == null) {
                throw new IllegalArgumentException("an exact teacher needs a finite set of points (a file or a preset's"
                        + " sample), not a generator");
            }
        }
    }

    /** What was written: the card, the mixture's size and std, and how long it took. */
    public record Result(ModelCard card, GaussianMixture mixture, double std, boolean stdFromRule, double seconds) {
    }

    public static Result write(Request r) throws IOException {
        long t0 = System.nanoTime();
        DataTable all = r.data().table();
        DataTable points = subset(all, r.maxPoints(), r.seed());
        boolean rule = r.std() == null;
        double std = rule ? Bandwidth.of(points.values(), points.shape().size()) : r.std();
        GaussianMixture m = GaussianMixture.ofPoints(r.data().name(), points.shape(), points.values(), std);
        ModelCard.DataOrigin origin = r.data().origin();
        if (points != all) {
            String note = "a seeded subset of " + points.count() + " of the " + all.count() + " samples";
            origin = origin == null ? new ModelCard.DataOrigin("points", null, all.sha256(), all.count(), null, note)
                    : new ModelCard.DataOrigin(origin.source(), origin.file(), origin.sha256(), origin.count(),
                    origin.normalization(), note);
        }
        String how = rule ? "bandwidth rule: median distance to the 3rd-nearest point / (2 sqrt(D))" : "given";
        ModelCard card = ExactTeachers.pointsCard(r.name(), r.data().name(), m, std, how, origin, r.command());
        ExactTeachers.write(m, card, r.out());
        return new Result(card, m, std, rule, (System.nanoTime() - t0) / 1e9);
    }

    /** Median milliseconds of one evaluation of the teacher in {@code file} at {@code batch} (ONNX Runtime, CPU). */
    public static double millisPerEvaluation(Path file, int batch) throws Exception {
        try (OnnxDenoiser d = OnnxDenoiser.open(file)) {
            return TeacherTiming.medianMillis(d, batch);
        }
    }

    /** All of {@code table}, or {@code max} of its rows without replacement (seeded), in their file order. */
    public static DataTable subset(DataTable table, int max, long seed) {
        int n = table.count();
        if (max == 0 || n <= max) {
            return table;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Random rng = new Random(seed ^ 0x5B5E7L);
        for (int i = 0; i < max; i++) {
            int j = i + rng.nextInt(n - i), t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(idx, max);
        java.util.Arrays.sort(chosen);
        return table.rows(table.name(), chosen);
    }
}
