package org.pdviz.app.phi;

import org.pdviz.core.model.Denoiser;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.param.Predictions;
import org.pdviz.core.schedule.NoiseLevel;

/**
 * A model's predictions for every sample of a set at one point of the circle: the input
 * {@code z = alpha x + sigma eps} and the read-outs x_hat, eps_hat, v_hat (not clipped, so that
 * {@code z = alpha x_hat + sigma eps_hat} holds exactly). Arrays are never modified.
 */
public record PhiPredictions(String model, int index, NoiseLevel level, float[] z, float[] xHat, float[] epsHat,
                             float[] vHat) {

    /** Runs the model at {@code level} on {@code z_phi} of every sample. */
    public static PhiPredictions evaluate(String model, Denoiser denoiser, PhiSamples set, int index, NoiseLevel level)
            throws DenoiserException {
        if (!denoiser.shape().equals(set.shape())) {
            throw new IllegalArgumentException("model '" + model + "' takes " + denoiser.shape() + " data, the samples are "
                    + set.shape());
        }
        Parameterization p = denoiser.parameterization();
        int count = set.count(), dim = set.dim();
        float[] z = set.z(level);
        float[] t = new float[count];
        java.util.Arrays.fill(t, (float) level.position());
        float[] out = new float[count * dim * p.outputFactor()];
        denoiser.predictAll(z, t, count, out);
        float[] xHat = new float[count * dim], epsHat = new float[count * dim], vHat = new float[count * dim];
        if (!Predictions.readOut(p, level, z, 0, out, 0, count, dim, null, xHat, epsHat, vHat, 0)) {
            throw new DenoiserException(String.format("model '%s' returned non-finite values at t = %.4f", model,
                    level.t()));
        }
        return new PhiPredictions(model, index, level, z, xHat, epsHat, vHat);
    }
}
