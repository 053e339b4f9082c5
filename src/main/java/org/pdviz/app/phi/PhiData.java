package org.pdviz.app.phi;

import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.model.DenoiserException;

/**
 * The sampling runs behind the phi view: the teacher and the student from the same noise (seed),
 * every frame recorded, no clipping (so each step is exactly a rotation), and the samples whose
 * circle is drawn, with the starting noise as eps.
 *
 * <p>For images, x is the teacher's result from that same noise: the circle then runs from the
 * teacher's result (phi = 0) to its starting noise (phi = pi/2), and the teacher's path starts and
 * ends on it. In a few dimensions that plane does not exist: the teacher carries a point mostly
 * along its own noise direction (|cos| between x and eps above 0.98 for gaussians8), so x is the
 * teacher's result from independent noise instead ({@link #xFromSameNoise()} false), a sample of
 * the model's data paired with noise as in training.
 */
public record PhiData(PhiSamples samples, Trajectory teacherRun, Trajectory studentRun, boolean xFromSameNoise) {

    /** Data with at most this many values per sample take x from independent noise. */
    public static final int FEW_DIMENSIONS = 8;
    /** Mixed into the seed for the independent noise. */
    private static final long INDEPENDENT = 0x5DEECE66DL;

    public static PhiData sample(PhiModels models, long seed, int count, SamplingMonitor monitor)
            throws DenoiserException {
        return sample(models, seed, count, null, monitor);
    }

    /** As above from a given start z_1 ({@code count} samples; null: the seed's noise), which is then eps. */
    public static PhiData sample(PhiModels models, long seed, int count, float[] start, SamplingMonitor monitor)
            throws DenoiserException {
        DdimSampler sampler = new DdimSampler(models.schedule());
        PhiModels.Sampler t = models.teacher(), s = models.student();
        DataShape shape = models.shape();
        float[] z1 = start != null ? start : PhiSamples.startNoise(seed, count, shape);
        boolean sameNoise = shape.size() > FEW_DIMENSIONS;
        int total = t.steps() * (sameNoise ? 1 : 2) + s.steps();
        Trajectory teacherRun = sampler.run(t.model(), t.denoiser(),
                new SamplerSettings(t.steps(), seed, count, null, SamplerSettings.Recording.ALL), offset(monitor, 0, total),
                z1);
        Trajectory studentRun = sampler.run(s.model(), s.denoiser(),
                new SamplerSettings(s.steps(), seed, count, null, SamplerSettings.Recording.ALL),
                offset(monitor, t.steps(), total), z1);
        float[] x = sameNoise ? teacherRun.finalSample()
                : sampler.sample(t.model(), t.denoiser(), new SamplerSettings(t.steps(), seed ^ INDEPENDENT, count, null,
                        SamplerSettings.Recording.FINAL), offset(monitor, t.steps() + s.steps(), total)).finalSample();
        PhiSamples set = new PhiSamples(seed, count, shape, x, z1);
        return new PhiData(set, teacherRun, studentRun, sameNoise);
    }

    /** The sample whose x and eps are furthest from parallel: the best-drawn plane. */
    public int bestConditionedSample() {
        int best = 0;
        double bestCos = Double.POSITIVE_INFINITY;
        for (int i = 0; i < samples.count(); i++) {
            double c = Math.abs(samples.plane(i).cosAngle());
            if (c < bestCos) {
                bestCos = c;
                best = i;
            }
        }
        return best;
    }

    /** Reports one run's progress as part of all of them. */
    private static SamplingMonitor offset(SamplingMonitor monitor, int before, int total) {
        return new SamplingMonitor() {
            @Override
            public void stepDone(int done, int steps) {
                monitor.stepDone(before + done, total);
            }

            @Override
            public boolean cancelled() {
                return monitor.cancelled();
            }
        };
    }
}
