package org.pdviz.app.eval;

import java.nio.file.Path;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.CardOverrides;

/**
 * How close two sample sets drawn from the same starting noise are: the RMSE of each sample
 * against its partner, averaged over samples. A small, replaceable helper (the metrics package may
 * offer richer measures).
 */
public final class SameNoise {

    private SameNoise() {
    }

    /** {@code mean_i sqrt(mean_j (a_ij - b_ij)^2)} over {@code count} samples of {@code dim} values. */
    public static double rmse(float[] a, float[] b, int count, int dim) {
        if (a.length != b.length || a.length != count * dim) {
            throw new IllegalArgumentException("sample sets differ in size: " + a.length + " and " + b.length
                    + " values for " + count + " x " + dim);
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double s = 0;
            for (int j = i * dim; j < (i + 1) * dim; j++) {
                double d = a[j] - b[j];
                s += d * d;
            }
            sum += Math.sqrt(s / dim);
        }
        return sum / count;
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
