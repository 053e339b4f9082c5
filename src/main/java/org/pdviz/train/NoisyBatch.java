package org.pdviz.train;

import java.util.Random;
import org.pdviz.core.data.Dataset;
import org.pdviz.core.param.Predictions;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.NoiseLevel;

/**
 * A batch of {@code z_t = alpha_t x + sigma_t eps} for training: data x, times t, their noise
 * levels, and (for distillation) the student grid index of each sample. Drawn in a fixed order from
 * one generator (x, then t, then eps), so a saved generator state reproduces the run.
 */
public record NoisyBatch(float[] x, float[] z, float[] t, NoiseLevel[] levels, int[] indices) {

    /** Continuous time, {@code t ~ U(0, 1)} (teacher training). */
    public static NoisyBatch continuous(Random rng, Dataset data, int batch, CosineSchedule schedule) {
        float[] x = data.sample(rng, batch);
        float[] t = new float[batch];
        NoiseLevel[] levels = new NoiseLevel[batch];
        for (int b = 0; b < batch; b++) {
            t[b] = (float) rng.nextDouble();
            levels[b] = schedule.at(t[b]);
        }
        return new NoisyBatch(x, noised(rng, x, levels, data.shape().size()), t, levels, null);
    }

    /** Algorithm 2's times: {@code i ~ U{1..N}}, {@code t = i / N}. */
    public static NoisyBatch onGrid(Random rng, Dataset data, int batch, int n, CosineSchedule schedule) {
        float[] x = data.sample(rng, batch);
        int[] indices = new int[batch];
        float[] t = new float[batch];
        NoiseLevel[] levels = new NoiseLevel[batch];
        for (int b = 0; b < batch; b++) {
            indices[b] = 1 + rng.nextInt(n);
            double time = (double) indices[b] / n;
            t[b] = (float) time;
            levels[b] = schedule.at(time);
        }
        return new NoisyBatch(x, noised(rng, x, levels, data.shape().size()), t, levels, indices);
    }

    private static float[] noised(Random rng, float[] x, NoiseLevel[] levels, int dim) {
        float[] z = new float[x.length];
        for (int b = 0; b < levels.length; b++) {
            for (int j = b * dim; j < (b + 1) * dim; j++) {
                z[j] = (float) Predictions.z(levels[b], x[j], rng.nextGaussian());
            }
        }
        return z;
    }
}
