package org.pdviz.app.sampling;

import java.nio.file.Path;
import org.pdviz.app.i18n.Language;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.schedule.GridOptions;

/**
 * One sampling run as the user set it up: a model, N steps, the noise seed, the batch, clipping;
 * and the reference's options: how the grid is laid on a discrete schedule, the clip style, and a
 * start file ({@code .npy}, null: the seed's noise) whose batch replaces {@code count}.
 */
public record RunSpec(ModelEntry model, int steps, long seed, int count, boolean clip, GridOptions grid,
                      SamplerSettings.ClipStyle clipStyle, Path start) {

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
        grid = grid == null ? GridOptions.DEFAULT : grid;
        clipStyle = clipStyle == null ? SamplerSettings.ClipStyle.OFFICIAL : clipStyle;
    }

    public RunSpec(ModelEntry model, int steps, long seed, int count, boolean clip) {
        this(model, steps, seed, count, clip, null, null, null);
    }

    /** "moons-teacher, 512 steps" in English (logs, the command line). */
    public String label() {
        return label(Texts.of(Language.EN));
    }

    public String label(Texts t) {
        return t.run(model.name(), steps);
    }
}
