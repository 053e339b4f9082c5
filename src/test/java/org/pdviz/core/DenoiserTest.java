package org.pdviz.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.model.Denoiser;
import org.pdviz.core.param.Parameterization;

/** {@link Denoiser#predictAll}: every sample once, in calls no larger than the denoiser takes. */
class DenoiserTest {

    /** Writes each sample's z times its position, and records the calls' ranges. */
    static final class Recording implements Denoiser {
        final int maxBatch;
        final List<int[]> calls = new ArrayList<>();

        Recording(int maxBatch) {
            this.maxBatch = maxBatch;
        }

        @Override
        public DataShape shape() {
            return DataShape.of(2);
        }

        @Override
        public Parameterization parameterization() {
            return Parameterization.X;
        }

        @Override
        public void predict(float[] z, float[] position, int from, int batch, float[] out) {
            calls.add(new int[] {from, batch});
            for (int i = from * 2; i < (from + batch) * 2; i++) {
                out[i] = z[i] * position[i / 2];
            }
        }

        @Override
        public int maxBatch() {
            return maxBatch;
        }
    }

    @Test
    void predictAllCoversEverySampleOnceInCallsOfAtMostMaxBatch() throws Exception {
        int count = 7;
        float[] z = new float[2 * count], t = new float[count];
        for (int i = 0; i < z.length; i++) {
            z[i] = i + 1;
        }
        for (int b = 0; b < count; b++) {
            t[b] = 0.1f * (b + 1);
        }
        float[] expected = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            expected[i] = z[i] * t[i / 2];
        }
        Recording three = new Recording(3);
        float[] out = new float[z.length];
        three.predictAll(z, t, count, out);
        assertArrayEquals(expected, out);
        assertEquals(List.of("0+3", "3+3", "6+1"), three.calls.stream().map(c -> c[0] + "+" + c[1]).toList());
    }

    @Test
    void aDenoiserThatClaimsNoBatchStillGetsOneSampleACall() throws Exception {
        Recording zero = new Recording(0);
        zero.predictAll(new float[6], new float[3], 3, new float[6]);
        assertEquals(3, zero.calls.size());
    }
}
