package org.pdviz.core.metrics;

import java.util.Random;

/** Seeded subsets of indices. */
final class Subsets {

    private Subsets() {
    }

    /** {@code k} distinct indices out of {@code 0..n-1} (a partial Fisher-Yates shuffle). */
    static int[] withoutReplacement(Random rng, int n, int k) {
        if (k > n) {
            throw new IllegalArgumentException("cannot pick " + k + " of " + n + " without replacement");
        }
        int[] all = Bootstrap.identity(n);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, k);
    }
}
