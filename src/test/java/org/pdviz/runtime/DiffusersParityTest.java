package org.pdviz.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.core.model.DataRange;
import org.pdviz.core.schedule.GridOptions;
import org.pdviz.core.schedule.TimestepSpacing;

/**
 * diffusers' own DDIM scheduler tests (tests/schedulers/test_scheduler_ddim.py), ported: its full
 * loop (10 steps, linear betas 1e-4..0.02 over 1000 timesteps, clip_sample, eta 0, its default
 * leading spacing) of the dummy model from its deterministic start, asserting the sums and means of
 * |x| its tests assert, to its tolerances (1e-2 on the sum, 1e-3 on the mean); and set_timesteps.
 */
class DiffusersParityTest {

    @TempDir
    Path dir;

    /** diffusers' DDIMScheduler with clip_sample and its default use_clipped_model_output = False. */
    private float[] fullLoop(String parameterization, double betaStart, GridOptions.FinalAlpha finalAlpha,
                             GridOptions.StepTo stepTo) throws Exception {
        Path file = DiffusersReference.dummyModel(dir.resolve(parameterization + betaStart + finalAlpha + stepTo
                + ".onnx"), DiffusersReference.card(parameterization, betaStart));
        try (OnnxDenoiser d = OnnxDenoiser.open(file)) {
            SamplerSettings settings = new SamplerSettings(10, 0, DiffusersReference.BATCH, 0, DataRange.SYMMETRIC_UNIT,
                    SamplerSettings.Recording.FINAL, new GridOptions(TimestepSpacing.LEADING, 0, finalAlpha, stepTo),
                    SamplerSettings.ClipStyle.DIFFUSERS);
            Trajectory tr = new DdimSampler(d.schedule()).run("dummy", d, settings, SamplingMonitor.NONE,
                    DiffusersReference.sampleDeter());
            return tr.finalSample();
        }
    }

    private static void assertSumAndMean(float[] x, double sum, double mean) {
        double s = 0;
        for (float v : x) {
            s += Math.abs(v);
        }
        assertEquals(sum, s, 1e-2, "sum of |x|");
        assertEquals(mean, s / x.length, 1e-3, "mean of |x|");
    }

    @Test
    void fullLoopNoNoise() throws Exception {
        assertSumAndMean(fullLoop("eps", 1e-4, null, null), 172.0067, 0.223967);
    }

    @Test
    void fullLoopWithVPrediction() throws Exception {
        assertSumAndMean(fullLoop("v", 1e-4, null, null), 52.5302, 0.0684);
    }

    @Test
    void fullLoopWithSetAlphaToOne() throws Exception {
        // "We specify different beta, so that the first alpha is 0.99"
        assertSumAndMean(fullLoop("eps", 0.01, GridOptions.FinalAlpha.ONE, null), 149.8295, 0.1951);
    }

    @Test
    void fullLoopWithNoSetAlphaToOne() throws Exception {
        assertSumAndMean(fullLoop("eps", 0.01, GridOptions.FinalAlpha.FIRST, null), 149.0784, 0.1941);
    }

    @Test
    void withLeadingSpacingTheStrideAndTheNextTimestepAreTheSameStep() throws Exception {
        assertArrayEquals(fullLoop("eps", 1e-4, null, GridOptions.StepTo.NEXT),
                fullLoop("eps", 1e-4, null, GridOptions.StepTo.STRIDE));
    }

    /**
     * Where clipping bites (data range [-0.2, 0.2]), the two clip styles against their formulas, written
     * out here in double: official recomputes eps_hat from the clipped x_hat, diffusers keeps the model's
     * (ending at alpha-bar_0, so that eps_hat still counts in the last step).
     */
    @Test
    void theClipStylesFollowTheirFormulas() throws Exception {
        var card = DiffusersReference.card("eps", 1e-4);
        card = new org.pdviz.runtime.card.ModelCard(card.format(), card.name(), card.dataset(), card.parameterization(),
                card.schedule(), card.dataShape(), new double[] {-0.2, 0.2}, null, null, null, null, card.timeInput(),
                card.inputs());
        Path file = DiffusersReference.dummyModel(dir.resolve("narrow.onnx"), card);
        double[] ab = ((org.pdviz.core.schedule.DiscreteSchedule) card.scheduleValue()).alphaBar();
        float[][] finals = new float[2][];
        try (OnnxDenoiser d = OnnxDenoiser.open(file)) {
            for (SamplerSettings.ClipStyle style : SamplerSettings.ClipStyle.values()) {
                SamplerSettings settings = new SamplerSettings(10, 0, DiffusersReference.BATCH, 0,
                        new DataRange(-0.2, 0.2), SamplerSettings.Recording.FINAL,
                        new GridOptions(TimestepSpacing.LEADING, 0, GridOptions.FinalAlpha.FIRST, null), style);
                float[] got = new DdimSampler(d.schedule()).run("narrow", d, settings, SamplingMonitor.NONE,
                        DiffusersReference.sampleDeter()).finalSample();
                finals[style.ordinal()] = got;
                double[] x = new double[got.length];
                float[] start = DiffusersReference.sampleDeter();
                for (int j = 0; j < x.length; j++) {
                    x[j] = start[j];
                }
                for (int t = 900; t >= 0; t -= 100) {
                    double a = ab[t], ap = t >= 100 ? ab[t - 100] : ab[0];
                    for (int j = 0; j < x.length; j++) {
                        double eps = x[j] * t / (t + 1.0);
                        double x0 = Math.max(-0.2, Math.min(0.2, (x[j] - Math.sqrt(1 - a) * eps) / Math.sqrt(a)));
                        double e = style == SamplerSettings.ClipStyle.DIFFUSERS ? eps
                                : (x[j] - Math.sqrt(a) * x0) / Math.sqrt(1 - a);
                        x[j] = Math.sqrt(ap) * x0 + Math.sqrt(1 - ap) * e;
                    }
                }
                for (int j = 0; j < x.length; j++) {
                    assertEquals(x[j], got[j], 1e-5, style + ", value " + j);
                }
            }
        }
        double differ = 0;
        for (int j = 0; j < finals[0].length; j++) {
            differ = Math.max(differ, Math.abs(finals[0][j] - finals[1][j]));
        }
        org.junit.jupiter.api.Assertions.assertTrue(differ > 1e-3, "clipping made the styles differ: " + differ);
    }

    /**
     * Where diffusers' step leaves the set_timesteps list (linspace; trailing when N does not divide T),
     * {@code --step-to stride} follows DDIMScheduler.step: the model is called at each listed timestep
     * and steps to {@code t - T // N} (the final alpha-bar once below 0), written out here in double on
     * the lists numpy gives; v-prediction, diffusers' clipping, set_alpha_to_one = False.
     */
    @Test
    void theStrideFollowsDiffusersStepOffTheList() throws Exception {
        var card = DiffusersReference.card("v", 1e-4);
        Path file = DiffusersReference.dummyModel(dir.resolve("stride.onnx"), card);
        double[] ab = ((org.pdviz.core.schedule.DiscreteSchedule) card.scheduleValue()).alphaBar();
        int[][] lists = {{999, 888, 777, 666, 555, 444, 333, 222, 111, 0}, {999, 856, 713, 570, 428, 285, 142}};
        TimestepSpacing[] spacings = {TimestepSpacing.LINSPACE, TimestepSpacing.TRAILING};
        try (OnnxDenoiser d = OnnxDenoiser.open(file)) {
            for (int k = 0; k < lists.length; k++) {
                int[] list = lists[k];
                int n = list.length, stride = 1000 / n;
                SamplerSettings settings = new SamplerSettings(n, 0, DiffusersReference.BATCH, 0, DataRange.SYMMETRIC_UNIT,
                        SamplerSettings.Recording.FINAL, new GridOptions(spacings[k], 0, GridOptions.FinalAlpha.FIRST,
                        GridOptions.StepTo.STRIDE), SamplerSettings.ClipStyle.DIFFUSERS);
                float[] got = new DdimSampler(d.schedule()).run("stride", d, settings, SamplingMonitor.NONE,
                        DiffusersReference.sampleDeter()).finalSample();
                float[] start = DiffusersReference.sampleDeter();
                double[] x = new double[start.length];
                for (int j = 0; j < x.length; j++) {
                    x[j] = start[j];
                }
                for (int t : list) {
                    int prev = t - stride;
                    double a = ab[t], ap = prev >= 0 ? ab[prev] : ab[0];
                    for (int j = 0; j < x.length; j++) {
                        double v = x[j] * t / (t + 1.0);
                        double x0 = Math.max(-1, Math.min(1, Math.sqrt(a) * x[j] - Math.sqrt(1 - a) * v));
                        double eps = Math.sqrt(a) * v + Math.sqrt(1 - a) * x[j];
                        x[j] = Math.sqrt(ap) * x0 + Math.sqrt(1 - ap) * eps;
                    }
                }
                for (int j = 0; j < x.length; j++) {
                    assertEquals(x[j], got[j], 1e-5, spacings[k].id() + ", value " + j);
                }
            }
        }
    }

    @Test
    void setTimestepsWithStepsOffset() {
        // test_steps_offset: leading, steps_offset = 1, 5 steps
        assertArrayEquals(new int[] {801, 601, 401, 201, 1}, TimestepSpacing.LEADING.timesteps(1000, 5, 1));
    }
}
