package org.pdviz.core.data;

import java.util.Random;
import org.pdviz.core.model.DataShape;

/** A source of training samples in the model's data range (roughly [-1, 1]). */
public interface Dataset {

    String name();

    DataShape shape();

    /** Fills {@code n} samples, row-major, into {@code out[offset ..]}. */
    void sample(Random rng, int n, float[] out, int offset);

    /** Draws one sample into {@code out[offset ..]}. */
    interface Sampler {
        void draw(Random rng, float[] out, int offset);
    }

    /** A data set that draws its samples one at a time. */
    static Dataset of(String name, DataShape shape, Sampler one) {
        return new DrawnDataset(name, shape, one);
    }

    default float[] sample(Random rng, int n) {
        float[] out = new float[n * shape().size()];
        sample(rng, n, out, 0);
        return out;
    }
}
