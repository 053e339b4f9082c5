package org.pdviz.core.data;

import java.util.Random;
import org.pdviz.core.model.DataShape;

/** A data set that draws its samples one at a time ({@link Dataset#of}). */
record DrawnDataset(String name, DataShape shape, Dataset.Sampler one) implements Dataset {

    @Override
    public void sample(Random rng, int n, float[] out, int offset) {
        for (int i = 0; i < n; i++) {
            one.draw(rng, out, offset + i * shape.size());
        }
    }
}
