package org.pdviz.app.jobs;

import java.nio.file.Path;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.metrics.SameNoise;
import org.pdviz.core.metrics.SampleSet;
import org.pdviz.core.model.DataRange;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.CardOverrides;

/**
 * What a finished stage of a distillation looks like: its model sampled with its own steps, beside
 * the teacher's plain DDIM with as many steps, all from the same noise as the teacher's many-step
 * reference, each with its same-noise RMSE to that reference (what distillation makes small). The
 * teacher stays open between stages. For one background thread at a time.
 */
public final class RoundPreview implements AutoCloseable {

    /** Final samples of one sampler, and their mean per-sample RMSE to the reference (0 for the reference). */
    public record Samples(String model, int steps, float[] values, int count, DataShape shape, DataRange range,
                          double rmse) {
        public String label() {
            return model + ", " + steps + (steps == 1 ? " step" : " steps");
        }
    }

    /** A stage's picture: the reference, the stage's model and the teacher's own DDIM at the model's steps. */
    public record View(Samples reference, Samples model, Samples teacherDdim) {
    }

    private final OnnxDenoiser teacher;
    private final long seed;
    private final int count;
    private final Samples reference;

    private RoundPreview(OnnxDenoiser teacher, int referenceSteps, long seed, int count) throws DenoiserException {
        this.teacher = teacher;
        this.seed = seed;
        this.count = count;
        float[] ref = sample(teacher, referenceSteps);
        this.reference = samples(teacher, referenceSteps, ref, 0);
    }

    /**
     * Opens the teacher and samples its reference: {@code referenceSteps} DDIM steps (the steps
     * distillation starts from) for samples {@code 0 .. count-1} of {@code seed}.
     */
    public static RoundPreview open(Path teacher, CardOverrides overrides, int referenceSteps, long seed, int count)
            throws ModelFileException, DenoiserException {
        OnnxDenoiser t = OnnxDenoiser.open(teacher, overrides, Device.CPU, line -> { });
        try {
            return new RoundPreview(t, referenceSteps, seed, count);
        } catch (DenoiserException | RuntimeException e) {
            t.close();
            throw e;
        }
    }

    public Samples reference() {
        return reference;
    }

    /** The model in {@code file} at {@code steps} steps, and the teacher's plain DDIM at as many. */
    public View of(Path file, int steps) throws ModelFileException, DenoiserException {
        try (OnnxDenoiser m = OnnxDenoiser.open(file)) {
            if (!m.shape().equals(teacher.shape())) {
                throw new IllegalArgumentException(file.getFileName() + " makes data of shape " + m.shape()
                        + ", the teacher " + teacher.shape());
            }
            Samples model = samples(m, steps, sample(m, steps), -1);
            Samples ddim = samples(teacher, steps, sample(teacher, steps), -1);
            return new View(reference, model, ddim);
        }
    }

    private float[] sample(OnnxDenoiser d, int steps) throws DenoiserException {
        return new DdimSampler(d.card().scheduleValue()).sample(d.card().name(), d, new SamplerSettings(steps, seed,
                count, null, SamplerSettings.Recording.FINAL), SamplingMonitor.NONE).finalSample();
    }

    private Samples samples(OnnxDenoiser d, int steps, float[] values, double rmse) {
        int dim = d.shape().size();
        double r = rmse >= 0 ? rmse : SameNoise.mean(SampleSet.of(values, dim), SampleSet.of(reference.values(), dim));
        return new Samples(d.card().name(), steps, values, count, d.shape(), d.card().rangeValue(), r);
    }

    @Override
    public void close() {
        teacher.close();
    }
}
