package org.pdviz.core.ddim;

/**
 * The starting noise {@code z_1}, a function of (seed, sample index, data size) only, identical
 * on every machine, so that two models sampled with the same seed start from the same noise.
 *
 * <p>Generator (documented, stable): for sample {@code i}, a SplitMix64 stream with initial state
 * {@code seed ^ mix((i + 1) * 0x9E3779B97F4A7C15)} ({@code mix} is SplitMix64's output function, so
 * this is the i-th output of SplitMix64 started at 0: hashing the index puts each sample's stream
 * at an unrelated point of the generator's cycle; the earlier {@code seed ^ (i * 0x9E37...)} made,
 * for small seeds, sample i + 2 a copy of sample i shifted by two values); each pair of outputs
 * {@code (a, b)} (state advanced by 0x9E3779B97F4A7C15 before each) becomes two uniform
 * numbers {@code u = ((a >>> 11) + 1) / 2^53} in (0, 1] and, by Box-Muller with {@link StrictMath},
 * the normals {@code sqrt(-2 ln u1) cos(2 pi u2)} and {@code sqrt(-2 ln u1) sin(2 pi u2)}, filled
 * in row-major order over the sample's values.
 */
public final class StartNoise {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private StartNoise() {
    }

    /** Fills {@code dim} normals for sample {@code index} into {@code out[offset ..]}. */
    public static void fill(long seed, long index, float[] out, int offset, int dim) {
        long state = seed ^ mix((index + 1) * GOLDEN);
        int j = 0;
        while (j < dim) {
            state += GOLDEN;
            double u1 = uniform(mix(state));
            state += GOLDEN;
            double u2 = uniform(mix(state));
            double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
            double theta = 2.0 * StrictMath.PI * u2;
            out[offset + j++] = (float) (r * StrictMath.cos(theta));
            if (j < dim) {
                out[offset + j++] = (float) (r * StrictMath.sin(theta));
            }
        }
    }

    /** Noise for samples {@code firstIndex .. firstIndex + count - 1}, each of {@code dim} values. */
    public static float[] batch(long seed, long firstIndex, int count, int dim) {
        float[] out = new float[count * dim];
        for (int b = 0; b < count; b++) {
            fill(seed, firstIndex + b, out, b * dim, dim);
        }
        return out;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double uniform(long bits) {
        return ((bits >>> 11) + 1) * 0x1.0p-53;
    }
}
