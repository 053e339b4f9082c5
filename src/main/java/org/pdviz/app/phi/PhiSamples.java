package org.pdviz.app.phi;

import org.pdviz.core.ddim.StartNoise;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.param.Predictions;
import org.pdviz.core.schedule.NoiseLevel;

/**
 * The samples the phi view follows: noise {@code eps} (the sampler's z_1 for this seed, from
 * {@link StartNoise}) and data {@code x} (by default the teacher's sample from that same noise, so
 * the circle runs from the teacher's result at phi = 0 to the starting noise at phi = pi/2).
 * Arrays hold {@code count} samples row-major and are never modified.
 */
public record PhiSamples(long seed, int count, DataShape shape, float[] x, float[] eps) {

    public PhiSamples {
        int n = count * shape.size();
        if (count < 1 || x.length != n || eps.length != n) {
            throw new IllegalArgumentException("a sample set of " + count + " x " + shape + " needs " + n
                    + " values for x and eps, got " + x.length + " and " + eps.length);
        }
    }

    /** The noise a sampler with this seed starts from, for samples 0..count-1. */
    public static float[] startNoise(long seed, int count, DataShape shape) {
        return StartNoise.batch(seed, 0, count, shape.size());
    }

    public int dim() {
        return shape.size();
    }

    /** {@code z_phi = alpha x + sigma eps} for every sample. */
    public float[] z(NoiseLevel level) {
        float[] z = new float[x.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) Predictions.z(level, x[i], eps[i]);
        }
        return z;
    }

    /** The true velocity {@code v = alpha eps - sigma x} for every sample. */
    public float[] v(NoiseLevel level) {
        float[] v = new float[x.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Predictions.v(level, x[i], eps[i]);
        }
        return v;
    }

    /** The plane of sample {@code i}'s x and eps. */
    public PlaneCoordinates plane(int sample) {
        checkSample(sample);
        return new PlaneCoordinates(x, eps, sample * dim(), dim());
    }

    public void checkSample(int sample) {
        if (sample < 0 || sample >= count) {
            throw new IndexOutOfBoundsException("sample " + sample + " outside 0.." + (count - 1));
        }
    }
}
