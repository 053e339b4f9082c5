package org.pdviz.app.eval;

import java.nio.file.Path;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.metrics.SameNoise;
import org.pdviz.core.metrics.SampleSet;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.CardOverrides;

/**
 * The distillation result a run reports: from the same noise, how close the student's few-step
 * samples and the teacher's own few-step DDIM samples are to the teacher's many-step samples
 * (same-noise RMSE, {@link SameNoise}).
 */
public final class DistillComparison {

    private DistillComparison() {
    }

    /** Mean per-sample RMSE of {@code count} paired samples of {@code dim} values (core.metrics.SameNoise). */
    static double rmse(float[] a, float[] b, int count, int dim) {
        if (a.length != b.length || a.length != count * dim) {
            throw new IllegalArgumentException("sample sets differ in size: " + a.length + " and " + b.length
                    + " values for " + count + " x " + dim);
        }
        return SameNoise.mean(SampleSet.of(a, dim), SampleSet.of(b, dim));
    }

    /**
     * The distillation result in one number pair: from the same noise, how far the student's
     * {@code steps}-step samples and the teacher's own {@code steps}-step DDIM samples are from the
     * teacher's {@code referenceSteps}-step samples (no clipping).
     */
    public record Comparison(int referenceSteps, int steps, int count, long seed, double student, double teacherDdim) {
        /** How many times closer the student is than plain DDIM with the teacher. */
        public double improvement() {
            return teacherDdim / student;
        }
    }

    public static Comparison compare(Path teacher, CardOverrides teacherOverrides, Path student, int referenceSteps,
                                     int steps, int count, long seed) throws ModelFileException, DenoiserException {
        try (OnnxDenoiser t = OnnxDenoiser.open(teacher, teacherOverrides, org.pdviz.runtime.Device.CPU, l -> { });
             OnnxDenoiser s = OnnxDenoiser.open(student)) {
            DdimSampler sampler = new DdimSampler(t.card().scheduleValue());
            int dim = t.shape().size();
            float[] reference = sample(sampler, t, referenceSteps, count, seed);
            float[] teacherFew = sample(sampler, t, steps, count, seed);
            float[] studentFew = sample(new DdimSampler(s.card().scheduleValue()), s, steps, count, seed);
            return new Comparison(referenceSteps, steps, count, seed, rmse(studentFew, reference, count, dim),
                    rmse(teacherFew, reference, count, dim));
        }
    }

    private static float[] sample(DdimSampler sampler, OnnxDenoiser d, int steps, int count, long seed)
            throws DenoiserException {
        return sampler.sample(d.card().name(), d, new SamplerSettings(steps, seed, count, null,
                SamplerSettings.Recording.FINAL), SamplingMonitor.NONE).finalSample();
    }
}
