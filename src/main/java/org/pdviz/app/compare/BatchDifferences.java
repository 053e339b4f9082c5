package org.pdviz.app.compare;

import org.pdviz.core.metrics.SameNoise;
import org.pdviz.core.metrics.SampleSet;

/**
 * Closeness of two batches sampled from the same starting noise (sample i of one against sample i
 * of the other): what distillation optimises, and what the comparison shows next to each pane.
 */
public final class BatchDifferences {

    private BatchDifferences() {
    }

    /** Mean over samples of each sample's root-mean-square difference ({@link SameNoise#mean}). */
    public static double rmse(float[] a, float[] reference, int count) {
        if (a.length != reference.length || count < 1 || a.length % count != 0) {
            throw new IllegalArgumentException("batches differ: " + a.length + " vs " + reference.length + " values for "
                    + count + " samples");
        }
        int dim = a.length / count;
        return SameNoise.mean(SampleSet.of(a, dim), SampleSet.of(reference, dim));
    }

    /**
     * A difference picture for [C, H, W] images as RGB data [3, H, W] per sample, on a scale from 0
     * to 1: red where {@code a} is brighter than the reference, cyan where darker, black where equal
     * (channels averaged first).
     */
    public static float[] signedDifferenceRgb(float[] a, float[] reference, int count, int channels, int plane) {
        int dim = channels * plane;
        if (a.length != reference.length || a.length != count * dim) {
            throw new IllegalArgumentException("batches differ: " + a.length + " vs " + reference.length + " values");
        }
        float[] out = new float[count * 3 * plane];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < plane; p++) {
                double d = 0;
                for (int c = 0; c < channels; c++) {
                    int j = i * dim + c * plane + p;
                    d += a[j] - reference[j];
                }
                d /= channels;
                int o = i * 3 * plane + p;
                out[o] = (float) Math.max(d, 0);
                out[o + plane] = (float) Math.max(-d, 0);
                out[o + 2 * plane] = (float) Math.max(-d, 0);
            }
        }
        return out;
    }
}
