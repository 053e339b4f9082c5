package org.pdviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pdviz.app.eval.SameNoise;

class SameNoiseTest {

    @Test
    void rmseIsTheMeanOverSamplesOfEachSamplesRootMeanSquare() {
        float[] a = {0, 0, 1, 1, 2, 2};
        assertEquals(0, SameNoise.rmse(a, a.clone(), 3, 2), 0);
        // sample 0 off by (3, 4): sqrt(25 / 2); sample 1 off by (1, 1): 1; sample 2 exact
        float[] b = {3, 4, 2, 2, 2, 2};
        assertEquals((Math.sqrt(12.5) + 1 + 0) / 3, SameNoise.rmse(a, b, 3, 2), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> SameNoise.rmse(a, new float[4], 2, 2));
    }
}
