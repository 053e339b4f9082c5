package org.pdviz.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.OnnxDenoiser;

/**
 * Per-step sampling time against the bare ONNX Runtime call on the same model and batch: the
 * sampler's overhead is everything it adds (copies, read-out of x/eps/v, the DDIM update).
 */
public final class SampleBench {

    /** Medians in microseconds per step; overhead as a fraction of the bare call. */
    public record Row(int batch, int steps, int runs, double samplerMicros, double bareMicros) {
        public double overhead() {
            return samplerMicros / bareMicros - 1;
        }
    }

    public List<Row> run(Path model, int[] batches, int steps, int runs) throws ModelFileException, DenoiserException {
        List<Row> rows = new ArrayList<>();
        try (OnnxDenoiser d = OnnxDenoiser.open(model)) {
            DdimSampler sampler = new DdimSampler(d.card().scheduleValue());
            for (int batch : batches) {
                SamplerSettings settings = new SamplerSettings(steps, 0, batch, null, SamplerSettings.Recording.FINAL);
                sampler.sample("warm-up", d, settings, SamplingMonitor.NONE);
                d.timeBareRuns(batch, steps, 0.5f);
                long[] perStep = new long[runs];
                long[] bare = new long[runs];
                // interleave the two measurements so drifts in machine load hit both alike
                for (int r = 0; r < runs; r++) {
                    Trajectory tr = sampler.sample("bench", d, settings, SamplingMonitor.NONE);
                    perStep[r] = tr.nanos() / steps;
                    long[] b = d.timeBareRuns(batch, steps, 0.5f);
                    bare[r] = (long) (java.util.Arrays.stream(b).sum() / (double) steps);
                }
                rows.add(new Row(batch, steps, runs, Stats.median(perStep) / 1e3, Stats.median(bare) / 1e3));
            }
        }
        return rows;
    }
}
