package org.pdviz.core.metrics;

import java.util.Random;

/** Degradations of 28x28 digits in [-1, 1] for the metric tests. */
final class ImageEdits {

    static final int W = 28;

    private ImageEdits() {
    }

    /** A (2r+1)x(2r+1) box blur, edges clamped. */
    static float[] blur(float[] images, int radius) {
        float[] out = new float[images.length];
        int n = images.length / (W * W);
        for (int i = 0; i < n; i++) {
            int o = i * W * W;
            for (int y = 0; y < W; y++) {
                for (int x = 0; x < W; x++) {
                    double s = 0;
                    int c = 0;
                    for (int dy = -radius; dy <= radius; dy++) {
                        for (int dx = -radius; dx <= radius; dx++) {
                            int yy = Math.min(W - 1, Math.max(0, y + dy)), xx = Math.min(W - 1, Math.max(0, x + dx));
                            s += images[o + yy * W + xx];
                            c++;
                        }
                    }
                    out[o + y * W + x] = (float) (s / c);
                }
            }
        }
        return out;
    }

    /** Gaussian noise, clipped back to [-1, 1]. */
    static float[] noise(float[] images, double sigma, long seed) {
        Random rng = new Random(seed);
        float[] out = new float[images.length];
        for (int i = 0; i < images.length; i++) {
            out[i] = (float) Math.max(-1, Math.min(1, images[i] + sigma * rng.nextGaussian()));
        }
        return out;
    }

    /** Moves every digit {@code dx} pixels right, filling with background (-1). */
    static float[] shift(float[] images, int dx) {
        float[] out = new float[images.length];
        java.util.Arrays.fill(out, -1f);
        int n = images.length / (W * W);
        for (int i = 0; i < n; i++) {
            int o = i * W * W;
            for (int y = 0; y < W; y++) {
                for (int x = 0; x + dx < W; x++) {
                    out[o + y * W + x + dx] = images[o + y * W + x];
                }
            }
        }
        return out;
    }
}
