package org.pdviz.app.sampling;

import org.pdviz.app.i18n.Language;
import org.pdviz.app.i18n.Texts;
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

    /** "moons-teacher, 512 steps" in English (logs, the command line). */
    public String label() {
        return label(Texts.of(Language.EN));
    }

    public String label(Texts t) {
        return t.run(model.name(), steps);
    }
}
