package org.pdviz.train;

import org.pdviz.core.model.Denoiser;
import org.pdviz.core.model.DenoiserException;

/** Times a denoiser's forward pass on one batch (median of a few runs after a warm-up). */
public final class TeacherTiming {

    private TeacherTiming() {
    }

    public static double medianMillis(Denoiser d, int batch) throws DenoiserException {
        return median(times(d, batch, 3, 7));
    }

    /** Each run's time in milliseconds, after {@code warmUp} untimed runs. */
    public static double[] times(Denoiser d, int batch, int warmUp, int runs) throws DenoiserException {
        int dim = d.shape().size();
        float[] z = new float[batch * dim], t = new float[batch];
        float[] out = new float[batch * dim * d.parameterization().outputFactor()];
        SeededRandom rng = new SeededRandom(1);
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        java.util.Arrays.fill(t, 0.5f);
        double[] ms = new double[runs];
        for (int r = -warmUp; r < runs; r++) {
            long t0 = System.nanoTime();
            d.predictAll(z, t, batch, out);
            if (r >= 0) {
                ms[r] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return ms;
    }

    static double median(double[] v) {
        double[] c = v.clone();
        java.util.Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }
}
