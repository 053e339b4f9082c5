package org.pdviz.core.model;

import org.pdviz.core.param.Parameterization;

/**
 * The seam between the math and whatever computes predictions: ONNX Runtime, a closed form, or a
 * network being trained. Inputs: {@code z} [B, ...data shape] and, per sample, the position on the
 * model's schedule ({@link org.pdviz.core.schedule.NoiseLevel#position()}: continuous time t in
 * [0, 1] for the cosine schedule, the timestep index for a discrete one). How the network takes its
 * time (t, index or log-SNR, {@link TimeInput}) is the denoiser's business, not the sampler's.
 */
public interface Denoiser extends AutoCloseable {

    DataShape shape();

    Parameterization parameterization();

    /**
     * Raw outputs for {@code batch} samples starting at sample {@code from}: reads
     * {@code z[from*dim .. (from+batch)*dim)} and {@code position[from .. from+batch)}, writes
     * {@code out[from*outDim ..)} where {@code outDim = dim * parameterization().outputFactor()}.
     */
    void predict(float[] z, float[] position, int from, int batch, float[] out) throws DenoiserException;

    /**
     * Raw outputs for the first {@code count} samples, in calls of at most {@link #maxBatch()} samples
     * (at least one): the one loop every caller with more samples than a call takes uses.
     */
    default void predictAll(float[] z, float[] position, int count, float[] out) throws DenoiserException {
        int chunk = Math.max(1, maxBatch());
        for (int from = 0; from < count; from += chunk) {
            predict(z, position, from, Math.min(chunk, count - from), out);
        }
    }

    /** Largest batch one call should take. */
    default int maxBatch() {
        return 256;
    }

    @Override
    default void close() {
    }
}
