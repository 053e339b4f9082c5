package org.pdviz.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pdviz.app.compare.BatchDifferences;

class BatchDifferencesTest {

    @Test
    void rmseIsTheMeanOfPerSampleRootMeanSquares() {
        float[] ref = {0, 0, 0, 0};
        float[] a = {3, 4, 0, 0};  // sample 0: sqrt((9 + 16) / 2), sample 1: 0
        assertEquals(Math.sqrt(12.5) / 2, BatchDifferences.rmse(a, ref, 2), 1e-12);
        assertEquals(0.0, BatchDifferences.rmse(ref, ref, 2));
        assertThrows(IllegalArgumentException.class, () -> BatchDifferences.rmse(new float[3], new float[4], 2));
    }

    @Test
    void differencePictureIsRedWhereBrighterCyanWhereDarker() {
        // two 1x1x2 images: pixel values (0.5, -1) against (0, 0), and equal
        float[] a = {0.5f, -1f, 0.2f, 0.2f};
        float[] ref = {0f, 0f, 0.2f, 0.2f};
        float[] rgb = BatchDifferences.signedDifferenceRgb(a, ref, 2, 1, 2);
        assertArrayEquals(new float[] {0.5f, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0}, rgb);
    }
}
