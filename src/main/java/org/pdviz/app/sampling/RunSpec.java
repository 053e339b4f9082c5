package org.pdviz.app.sampling;

import org.pdviz.app.library.ModelEntry;

/** One sampling run as the user set it up: a model, N steps, the noise seed, the batch, clipping. */
public record RunSpec(ModelEntry model, int steps, long seed, int count, boolean clip) {

    public RunSpec {
        if (model == null) {
            throw new IllegalArgumentException("pick a model first");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (count < 1) {
            throw new IllegalArgumentException("the batch needs at least one sample, got " + count);
        }
    }

    public String label() {
        return model.name() + ", " + steps + (steps == 1 ? " step" : " steps");
    }
}
