package org.pdviz.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.Frame;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.ddim.StartNoise;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.core.model.TimeInput;
import org.pdviz.core.schedule.DiscreteSchedule;
import org.pdviz.runtime.card.ModelCard;

/**
 * A diffusers-style model (inputs "sample" and "timestep", output "out_sample", eps, linear betas)
 * sampled by pdviz, checked frame by frame against DDIM written out here independently: the trailing
 * timesteps {@code floor(i T / N + 1/2) - 1}, alpha-bar as a product in double, the exact Gaussian
 * denoiser in double, and {@code z_s = sqrt(ab_s) x_hat + sqrt(1 - ab_s) eps_hat}.
 */
class DiscreteSamplingTest {

    static final int T = 1000;

    @TempDir
    Path dir;

    static double[] alphaBar() {
        double[] out = new double[T];
        double p = 1;
        for (int k = 0; k < T; k++) {
            p *= 1 - (1e-4 + k * (0.02 - 1e-4) / (T - 1));
            out[k] = p;
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(DiscreteModels.Time.class)
    void framesMatchAnIndependentDdimOnTheTrailingGrid(DiscreteModels.Time time) throws Exception {
        ModelCard card = DiscreteModels.card(T, time);
        double[] table = ((DiscreteSchedule) card.scheduleValue()).alphaBar();
        Path file = DiscreteModels.gaussian(dir.resolve(time + ".onnx"), table, time, card);
        double[] ab = alphaBar();
        try (OnnxDenoiser d = OnnxDenoiser.open(file)) {
            assertEquals(time == DiscreteModels.Time.LOG_SNR ? TimeInput.LOG_SNR : TimeInput.INDEX, d.timeInput());
            for (int n : new int[] {10, 7, 1}) {
                int count = 8;
                Trajectory tr = new DdimSampler(d.schedule()).sample("m", d, new SamplerSettings(n, 3, count, null,
                        SamplerSettings.Recording.ALL), SamplingMonitor.NONE);
                float[] start = StartNoise.batch(3, 0, count, 2);
                double[] z = new double[start.length];
                for (int j = 0; j < z.length; j++) {
                    z[j] = start[j];
                }
                for (int i = n; i >= 1; i--) {
                    int k = (int) Math.floor((double) i * T / n + 0.5) - 1;
                    Frame f = tr.frames().get(n - i);
                    String where = time + ", N = " + n + ", i = " + i;
                    assertEquals((double) i / n, f.at().t(), 0, where);
                    assertEquals(k, f.at().position(), where);
                    assertEquals(Math.sqrt(ab[k]), f.at().alpha(), 1e-6, where);
                    assertEquals(Math.sqrt(1 - ab[k]), f.at().sigma(), 1e-6, where);
                    int next = i > 1 ? (int) Math.floor((double) (i - 1) * T / n + 0.5) - 1 : -1;
                    double abNext = next < 0 ? 1 : ab[next];
                    for (int j = 0; j < z.length; j++) {
                        double x = DiscreteModels.xHat(z[j], j % 2, ab[k]);
                        double eps = (z[j] - Math.sqrt(ab[k]) * x) / Math.sqrt(1 - ab[k]);
                        assertEquals(z[j], f.z()[j], 1e-4, where + ", z[" + j + "]");
                        assertEquals(x, f.xHat()[j], 2e-4, where + ", x_hat[" + j + "]");
                        assertEquals(eps, f.epsHat()[j], 1e-4, where + ", eps_hat[" + j + "]");
                        z[j] = Math.sqrt(abNext) * x + Math.sqrt(1 - abNext) * eps;
                    }
                }
                for (int j = 0; j < z.length; j++) {
                    assertEquals(z[j], tr.finalSample()[j], 1e-4, time + ", N = " + n + ", final[" + j + "]");
                }
            }
        }
    }

    @Test
    void aSharedTimeInputRunsTheBatchPerPosition() throws Exception {
        // many exports take one timestep for the whole batch: shape [1]
        ModelCard card = DiscreteModels.card(T, DiscreteModels.Time.INT64_INDEX);
        double[] table = ((DiscreteSchedule) card.scheduleValue()).alphaBar();
        Path batched = DiscreteModels.gaussian(dir.resolve("b.onnx"), table, DiscreteModels.Time.INT64_INDEX, card);
        Path shared = DiscreteModels.shared(dir.resolve("s.onnx"), table, card);
        try (OnnxDenoiser a = OnnxDenoiser.open(batched); OnnxDenoiser b = OnnxDenoiser.open(shared)) {
            float[] z = StartNoise.batch(1, 0, 6, 2);
            float[] position = {999, 999, 500, 500, 500, 3};
            float[] outA = new float[12], outB = new float[12];
            a.predict(z, position, 0, 6, outA);
            b.predict(z, position, 0, 6, outB);
            for (int j = 0; j < 12; j++) {
                assertEquals(outA[j], outB[j], 1e-6);
            }
            assertTrue(outA[0] != outA[4], "different timesteps give different predictions");
        }
    }
}
