package org.pdviz.core.metrics;

import java.util.Random;

/**
 * Fixed image features that need no training: a random one-layer ReLU network, computed in
 * plain Java. NOT a trained classifier, so scores with it are not comparable to published FID or
 * KID; they still rank samplers (they react to noise, blur and shifts) and let FID/KID be computed
 * before the project's MNIST classifier exists.
 *
 * <p>Definition (stable, machine-independent): with ink {@code u_j = (x_j + 1) / 2} in [0, 1]
 * (so the empty background is 0), feature r is {@code max(0, w_r . u)} where the weights
 * {@code w_rj} are {@code new java.util.Random(SEED).nextGaussian() / sqrt(inputSize)}, drawn in
 * order r = 0, 1, ..., j = 0, 1, ... ({@code java.util.Random} is specified exactly by the Java
 * platform, so every machine gets the same weights).
 */
public final class RandomReluFeatures implements FeatureMap {

    public static final long SEED = 0x5EEDF00DL;
    public static final int DEFAULT_DIM = 64;

    private final int inputSize;
    private final int dim;
    private final float[] weights;

    public RandomReluFeatures(int inputSize, int dim) {
        if (inputSize < 1 || dim < 1) {
            throw new IllegalArgumentException("random features need positive sizes, got " + inputSize + " -> " + dim);
        }
        this.inputSize = inputSize;
        this.dim = dim;
        this.weights = new float[dim * inputSize];
        Random rng = new Random(SEED);
        double scale = 1 / Math.sqrt(inputSize);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (rng.nextGaussian() * scale);
        }
    }

    /** The default map for 1x28x28 digits. */
    public static RandomReluFeatures mnist() {
        return new RandomReluFeatures(28 * 28, DEFAULT_DIM);
    }

    @Override
    public String id() {
        return "random-relu-" + dim;
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public void features(float[] inputs, int count, float[] out) {
        float[] ink = new float[inputSize];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < inputSize; j++) {
                ink[j] = (inputs[i * inputSize + j] + 1) * 0.5f;
            }
            for (int r = 0; r < dim; r++) {
                double dot = 0;
                int o = r * inputSize;
                for (int j = 0; j < inputSize; j++) {
                    dot += weights[o + j] * ink[j];
                }
                out[i * dim + r] = (float) Math.max(0, dot);
            }
        }
    }
}
