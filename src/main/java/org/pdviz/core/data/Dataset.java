package org.pdviz.core.data;

import java.util.Random;
import org.pdviz.core.model.DataShape;

/** A source of training samples in the model's data range (roughly [-1, 1]). */
public interface Dataset {

    String name();

    DataShape shape();

    /** Fills {@code n} samples, row-major, into {@code out[offset ..]}. */
    void sample(Random rng, int n, float[] out, int offset);

    default float[] sample(Random rng, int n) {
        float[] out = new float[n * shape().size()];
        sample(rng, n, out, 0);
        return out;
    }
}
