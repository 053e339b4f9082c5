package org.pdviz.core.model;

import org.pdviz.core.param.Parameterization;

/**
 * The seam between the math and whatever computes predictions: ONNX Runtime, a closed form, or a
 * network being trained. Inputs follow the model contract: {@code z} [B, ...data shape] and
 * continuous time {@code t} [B] in [0, 1].
 */
public interface Denoiser extends AutoCloseable {

    DataShape shape();

    Parameterization parameterization();

    /**
     * Raw outputs for {@code batch} samples starting at sample {@code from}: reads
     * {@code z[from*dim .. (from+batch)*dim)} and {@code t[from .. from+batch)}, writes
     * {@code out[from*outDim ..)} where {@code outDim = dim * parameterization().outputFactor()}.
     */
    void predict(float[] z, float[] t, int from, int batch, float[] out) throws DenoiserException;

    /** Largest batch one call should take. */
    default int maxBatch() {
        return 256;
    }

    @Override
    default void close() {
    }
}
