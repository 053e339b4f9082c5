package org.pdviz.core.exact;

import org.pdviz.core.model.DataShape;
import org.pdviz.core.model.Denoiser;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;

/** The ideal x-prediction {@code E[x | z_t]} of a Gaussian mixture: a teacher with no error. */
public final class ExactDenoiser implements Denoiser {

    private final GaussianMixture mixture;
    private final CosineSchedule schedule;

    public ExactDenoiser(GaussianMixture mixture, CosineSchedule schedule) {
        this.mixture = mixture;
        this.schedule = schedule;
    }

    public GaussianMixture mixture() {
        return mixture;
    }

    @Override
    public DataShape shape() {
        return mixture.shape();
    }

    @Override
    public Parameterization parameterization() {
        return Parameterization.X;
    }

    @Override
    public void predict(float[] z, float[] t, int from, int batch, float[] out) {
        int d = mixture.shape().size();
        for (int b = from; b < from + batch; b++) {
            mixture.xHat(schedule.at(t[b]), z, b * d, out, b * d);
        }
    }
}
