package org.pdviz.train;

import java.nio.file.Path;
import org.pdviz.core.data.DataTable;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.train.data.TrainingData;

/**
 * Data-free distillation's data: the teacher's own many-step DDIM samples (images clipped to the
 * data range, as at evaluation; points not), from a seeded noise stream of their own. Algorithm 2
 * only needs x to make {@code z_t = alpha_t x + sigma_t eps}; samples of the teacher's distribution
 * serve when the user does not have its data.
 */
final class TeacherSamples {

    /** Salt for the samples' noise, so they never share noise with a same-seed evaluation. */
    private static final long SALT = 0x7EAC_4E55_A3B1_E5L;

    private TeacherSamples() {
    }

    static TrainingData.Source draw(Path teacher, CardOverrides overrides, int steps, Integer count, long seed,
                                    Monitor monitor) throws ModelFileException, DenoiserException {
        try (OnnxDenoiser t = OnnxDenoiser.open(teacher, overrides, Device.CPU, monitor::message)) {
            boolean images = t.shape().isImage();
            int n = count != null ? count : images ? 1024 : 4096;
            monitor.message("data-free: drawing " + n + " samples from the teacher with " + steps + " DDIM steps...");
            SamplerSettings settings = new SamplerSettings(steps, seed ^ SALT, n, images ? t.card().rangeValue() : null,
                    SamplerSettings.Recording.FINAL);
            float[] x = new DdimSampler(t.card().scheduleValue()).sample(t.card().name(), t, settings,
                    SamplingMonitor.NONE).finalSample();
            String note = "data-free: learned from " + n + " of " + t.card().name() + "'s own " + steps
                    + "-step DDIM samples";
            DataTable table = new DataTable(t.card().name() + "-samples", t.shape(), x, null);
            return new TrainingData.Source(table, t.card().dataset(), new ModelCard.DataOrigin("teacher-samples",
                    null, table.sha256(), n, null, note));
        }
    }
}
