package org.pdviz.core.metrics;

/**
 * Turns images into feature vectors for FID and KID: a trained classifier's penultimate layer
 * (the ONNX classifier in {@code runtime.features}), or a fixed map computed here.
 */
public interface FeatureMap {

    /** A short id recorded in reports, e.g. {@code "random-relu-128"} or a classifier's name. */
    String id();

    /** Values per input sample (784 for 1x28x28). */
    int inputSize();

    /** Features per sample. */
    int dim();

    /** Features of {@code count} samples (row-major, values in the data range [-1, 1]) into {@code out}. */
    void features(float[] inputs, int count, float[] out) throws Exception;

    /** Features of a whole set. */
    default SampleSet apply(SampleSet inputs) throws Exception {
        if (inputs.dim() != inputSize()) {
            throw new IllegalArgumentException("feature map " + id() + " takes samples of " + inputSize()
                    + " values, got " + inputs.dim());
        }
        float[] out = new float[inputs.count() * dim()];
        features(inputs.values(), inputs.count(), out);
        return new SampleSet(out, dim());
    }
}
