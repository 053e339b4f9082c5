package org.pdviz.core.ddim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.model.Denoiser;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.param.Predictions;
import org.pdviz.core.schedule.NoiseLevel;
import org.pdviz.core.schedule.SamplingGrid;
import org.pdviz.core.schedule.Schedule;

/**
 * Deterministic DDIM sampling on the schedule's grid: {@code z_1} from {@link StartNoise}, one step
 * per grid interval, the denoiser called at each level's position; the last step returns x_hat when
 * the grid ends at the data (t = 0 of the cosine schedule, alpha-bar = 1 of a discrete one).
 */
public final class DdimSampler {

    private final Schedule schedule;

    public DdimSampler(Schedule schedule) {
        this.schedule = schedule;
    }

    public Schedule schedule() {
        return schedule;
    }

    /**
     * Calls the denoiser {@code calls} times on batches of {@code count} samples, chunked as a run
     * chunks them, and throws the outputs away. An engine pays on its first calls for a given batch
     * (ONNX Runtime allocates its memory arena and picks kernels; the JIT compiles the copies), so
     * a run timed after this measures the steady state.
     */
    public void warmUp(Denoiser denoiser, int count, int calls) throws DenoiserException {
        int dim = denoiser.shape().size();
        float[] z = StartNoise.batch(0, 0, count, dim);
        float[] t = new float[count];
        java.util.Arrays.fill(t, (float) schedule.at(0.5).position());
        float[] out = new float[count * dim * denoiser.parameterization().outputFactor()];
        for (int c = 0; c < calls; c++) {
            denoiser.predictAll(z, t, count, out);
        }
    }

    public Trajectory sample(String modelName, Denoiser denoiser, SamplerSettings settings, SamplingMonitor monitor)
            throws DenoiserException {
        DataShape shape = denoiser.shape();
        int dim = shape.size();
        int count = settings.count();
        return run(modelName, denoiser, settings, monitor,
                StartNoise.batch(settings.seed(), settings.firstIndex(), count, dim), false);
    }

    /** Samples from a given {@code z_1} (count * dim values, not modified). */
    public Trajectory run(String modelName, Denoiser denoiser, SamplerSettings settings, SamplingMonitor monitor,
                          float[] z1) throws DenoiserException {
        return run(modelName, denoiser, settings, monitor, z1, true);
    }

    /** @param copy whether z_1 belongs to the caller (else it becomes the first state, saving a copy) */
    private Trajectory run(String modelName, Denoiser denoiser, SamplerSettings settings, SamplingMonitor monitor,
                           float[] z1, boolean copy) throws DenoiserException {
        long started = System.nanoTime();
        DataShape shape = denoiser.shape();
        Parameterization p = denoiser.parameterization();
        int dim = shape.size();
        int count = settings.count();
        if (z1.length != count * dim) {
            throw new IllegalArgumentException("z_1 has " + z1.length + " values, expected " + count * dim);
        }
        int outDim = dim * p.outputFactor();
        boolean keep = settings.recording() == SamplerSettings.Recording.ALL;
        boolean recordAll = keep || settings.recording() == SamplerSettings.Recording.STREAM;
        double[] clip = settings.clip() ? settings.clipTo().asArray() : null;
        SamplingGrid grid = schedule.grid(settings.steps(), settings.grid());
        // diffusers' clipping keeps the model's eps_hat, so the step needs it: read every prediction out
        boolean keepEps = settings.clip() && settings.clipStyle() == SamplerSettings.ClipStyle.DIFFUSERS;
        boolean readAll = recordAll || keepEps;
        int steps = settings.steps();

        float[] z = copy ? z1.clone() : z1;
        float[] out = new float[count * outDim];
        float[] t = new float[count];
        float[] xHat = new float[count * dim];
        float[] epsHat = readAll ? new float[count * dim] : null, vHat = readAll ? new float[count * dim] : null;
        float[] next = new float[count * dim];
        List<Frame> frames = new ArrayList<>(keep ? steps : 0);

        for (int k = 0; k < steps; k++) {
            if (monitor.cancelled()) {
                throw new CancellationException("sampling cancelled at step " + k + " of " + steps);
            }
            NoiseLevel from = grid.from(k);
            NoiseLevel to = grid.to(k);
            java.util.Arrays.fill(t, (float) from.position());
            denoiser.predictAll(z, t, count, out);
            boolean finite = readAll
                    ? Predictions.readOut(p, from, z, 0, out, 0, count, dim, clip, keepEps, xHat, epsHat, vHat, 0)
                    : Predictions.xHat(p, from, z, out, count, dim, clip, xHat);
            if (!finite) {
                throw new DenoiserException(String.format(
                        "model '%s' returned non-finite values (NaN or infinity) at t = %.6f (sample %d)",
                        modelName, from.t(), settings.firstIndex() + firstNonFinite(xHat, readAll ? epsHat : xHat, dim)));
            }
            if (grid.returnsXHat(k)) {
                System.arraycopy(xHat, 0, next, 0, next.length);
            } else if (keepEps) {
                Ddim.stepWithEps(to, xHat, epsHat, next, 0, next.length);
            } else {
                Ddim.step(from, to, z, xHat, next, 0, next.length);
            }
            if (recordAll) {
                Frame frame = new Frame(k, from, to, z, xHat, epsHat, vHat);
                monitor.frame(frame);
                if (keep) {
                    frames.add(frame);
                }
            }
            if (keep) {
                z = next;
                next = new float[count * dim];
                xHat = new float[count * dim];
                epsHat = new float[count * dim];
                vHat = new float[count * dim];
            } else {
                float[] swap = z;
                z = next;
                next = swap;
            }
            monitor.stepDone(k + 1, steps);
        }
        return new Trajectory(modelName, p, settings, shape, schedule, grid, frames, z, System.nanoTime() - started);
    }

    private static int firstNonFinite(float[] xHat, float[] epsHat, int dim) {
        for (int i = 0; i < xHat.length; i++) {
            if (!Float.isFinite(xHat[i]) || !Float.isFinite(epsHat[i])) {
                return i / dim;
            }
        }
        return 0;
    }
}
