package org.pdviz.core.exact;

import java.util.Random;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.schedule.NoiseLevel;

/**
 * A mixture {@code sum_k pi_k N(mu_k, s_k^2 I)} over samples of a given shape, with its exact
 * denoiser {@code E[x | z_t]} in closed form:
 * {@code E[x | z_t, k] = mu_k + (alpha s_k^2 / (alpha^2 s_k^2 + sigma^2)) (z_t - alpha mu_k)} and
 * responsibilities {@code r_k ~ pi_k N(z_t; alpha mu_k, (alpha^2 s_k^2 + sigma^2) I)}.
 */
public record GaussianMixture(String name, DataShape shape, double[] weights, double[][] means, double[] stds) {

    public GaussianMixture {
        int k = weights.length;
        if (k == 0 || means.length != k || stds.length != k) {
            throw new IllegalArgumentException("a mixture needs as many weights, means and stds, at least one");
        }
        double total = 0;
        for (int i = 0; i < k; i++) {
            if (!(weights[i] > 0) || !(stds[i] > 0) || means[i].length != shape.size()) {
                throw new IllegalArgumentException("component " + i + ": weight and std must be positive and the"
                        + " mean must have " + shape.size() + " values");
            }
            total += weights[i];
        }
        double[] w = new double[k];
        double[][] m = new double[k][];
        for (int i = 0; i < k; i++) {
            w[i] = weights[i] / total;
            m[i] = means[i].clone();
        }
        weights = w;
        means = m;
        stds = stds.clone();
    }

    public int components() {
        return weights.length;
    }

    /** Whether every component has the same std (then the denoiser's cost is one matrix product per batch). */
    public boolean hasEqualStds() {
        for (double s : stds) {
            if (s != stds[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * One component of std {@code std} at every point, equally weighted: the mixture whose exact
     * denoiser is the softmax over points (as {@code std -> 0}) of {@code -|z - alpha x_j|^2 / (2 sigma^2)}.
     */
    public static GaussianMixture ofPoints(String name, DataShape shape, float[] points, double std) {
        int d = shape.size(), k = points.length / d;
        if (k == 0 || points.length % d != 0) {
            throw new IllegalArgumentException("points: need a positive multiple of " + d + " values, got "
                    + points.length);
        }
        double[] w = new double[k], s = new double[k];
        double[][] m = new double[k][d];
        for (int c = 0; c < k; c++) {
            w[c] = 1;
            s[c] = std;
            for (int j = 0; j < d; j++) {
                m[c][j] = points[c * d + j];
            }
        }
        return new GaussianMixture(name, shape, w, m, s);
    }

    /** One isotropic Gaussian. */
    public static GaussianMixture single(String name, DataShape shape, double[] mean, double std) {
        return new GaussianMixture(name, shape, new double[] {1}, new double[][] {mean}, new double[] {std});
    }

    /** k equal components with means evenly spaced on a circle of the given radius (2-D). */
    public static GaussianMixture ring(String name, int k, double radius, double std) {
        double[] w = new double[k];
        double[][] m = new double[k][];
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            double a = 2 * Math.PI * i / k;
            w[i] = 1;
            m[i] = new double[] {radius * Math.cos(a), radius * Math.sin(a)};
            s[i] = std;
        }
        return new GaussianMixture(name, DataShape.of(2), w, m, s);
    }

    /** E[x | z_t] for one sample of {@code shape.size()} values, computed in double precision. */
    public void xHat(NoiseLevel level, float[] z, int zOffset, float[] out, int outOffset) {
        int k = components(), d = shape.size();
        double a = level.alpha(), s2 = level.sigma() * level.sigma();
        double[] logR = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double var = a * a * stds[c] * stds[c] + s2;
            double dist = 0;
            for (int j = 0; j < d; j++) {
                double diff = z[zOffset + j] - a * means[c][j];
                dist += diff * diff;
            }
            logR[c] = Math.log(weights[c]) - 0.5 * d * Math.log(var) - dist / (2 * var);
            max = Math.max(max, logR[c]);
        }
        double norm = 0;
        for (int c = 0; c < k; c++) {
            logR[c] = Math.exp(logR[c] - max);
            norm += logR[c];
        }
        for (int j = 0; j < d; j++) {
            double zj = z[zOffset + j], x = 0;
            for (int c = 0; c < k; c++) {
                double var = a * a * stds[c] * stds[c] + s2;
                double gain = a * stds[c] * stds[c] / var;
                x += logR[c] / norm * (means[c][j] + gain * (zj - a * means[c][j]));
            }
            out[outOffset + j] = (float) x;
        }
    }

    /** Draws one sample into {@code out[offset ..]}. */
    public void sample(Random rng, float[] out, int offset) {
        double u = rng.nextDouble(), acc = 0;
        int c = components() - 1;
        for (int i = 0; i < components(); i++) {
            acc += weights[i];
            if (u < acc) {
                c = i;
                break;
            }
        }
        for (int j = 0; j < shape.size(); j++) {
            out[offset + j] = (float) (means[c][j] + stds[c] * rng.nextGaussian());
        }
    }

    /** {@code n} samples, row-major. */
    public float[] sample(Random rng, int n) {
        float[] out = new float[n * shape.size()];
        for (int i = 0; i < n; i++) {
            sample(rng, out, i * shape.size());
        }
        return out;
    }
}
