package org.pdviz.app.phi;

import java.util.concurrent.atomic.AtomicInteger;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.model.Denoiser;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;

/**
 * A model that knows the answer: for row b it outputs the exact x_b / eps_b (encoded in its
 * parameterisation), so its predictions are exact. Counts its calls.
 */
class OracleDenoiser implements Denoiser {

    final AtomicInteger calls = new AtomicInteger();
    private final PhiSamples set;
    private final Parameterization p;
    private final CosineSchedule schedule;

    OracleDenoiser(PhiSamples set, Parameterization p, CosineSchedule schedule) {
        this.set = set;
        this.p = p;
        this.schedule = schedule;
    }

    @Override
    public DataShape shape() {
        return set.shape();
    }

    @Override
    public Parameterization parameterization() {
        return p;
    }

    @Override
    public void predict(float[] z, float[] t, int from, int batch, float[] out) {
        calls.incrementAndGet();
        int dim = set.dim(), outDim = dim * p.outputFactor();
        for (int b = from; b < from + batch; b++) {
            float[] x = java.util.Arrays.copyOfRange(set.x(), b * dim, (b + 1) * dim);
            float[] eps = java.util.Arrays.copyOfRange(set.eps(), b * dim, (b + 1) * dim);
            float[] o = new float[outDim];
            p.encode(schedule.at(t[b]), x, eps, o, dim, 1);
            System.arraycopy(o, 0, out, b * outDim, outDim);
        }
    }
}
