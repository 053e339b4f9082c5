package org.pdviz.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pdviz.core.ddim.StartNoise;
import org.pdviz.core.exact.ExactDenoiser;
import org.pdviz.core.exact.GaussianMixture;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;

/** The lesson text parses, every formula renders, and the computed figures say what the text says. */
class LessonContentTest {

    static final CosineSchedule S = CosineSchedule.CLIPPED;

    @Test
    void everyStepHasTextFormulasAndAKnownLiveView() {
        Lesson lesson = Lesson.standard();
        assertEquals(9, lesson.size());
        Set<String> ids = new HashSet<>();
        for (Lesson.Step step : lesson.steps()) {
            assertTrue(ids.add(step.id()), "unique id " + step.id());
            assertFalse(step.title().isBlank());
            assertFalse(step.text().isEmpty(), step.id());
            assertFalse(step.formulas().isEmpty(), step.id());
            assertTrue(Set.of("halving", "schedule", "zt", "param", "phi", "fewsteps", "target", "weights", "result")
                    .contains(step.live()), step.live());
            for (String para : step.text()) {
                assertFalse(para.contains("\u0302") || para.contains("\u0303"),
                        "hats as inline TeX, not combining accents (JavaFX wraps those wrongly): " + para);
            }
        }
    }

    @Test
    void everyFormulaAndInlineMathRenders() {
        for (Lesson.Step step : Lesson.standard().steps()) {
            for (String tex : step.formulas()) {
                BufferedImage img = Formulas.render(tex, 30, 0xFF000000);
                assertTrue(img.getWidth() > 30 && img.getHeight() > 20, tex);
                assertTrue(inked(img), "something drawn: " + tex);
            }
            for (String para : step.text()) {
                List<String> parts = Formulas.split(para);
                for (int k = 1; k < parts.size(); k += 2) {
                    Formulas.Rendered r = Formulas.inline(parts.get(k), 24, 0xFF000000);
                    assertTrue(inked(r.image()), parts.get(k));
                    assertTrue(r.depth() >= 0 && r.depth() < r.image().getHeight());
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Formulas.render("\\hatt{x}", 20, 0xFF000000));
        assertThrows(IllegalArgumentException.class, () -> Formulas.split("a $x b"));
    }

    static boolean inked(BufferedImage img) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) >>> 24) > 128) {
                    return true;
                }
            }
        }
        return false;
    }

    static GaussianMixture blobs() {
        Random rng = new Random(2);
        double[][] means = new double[2][16];
        for (double[] m : means) {
            for (int j = 0; j < 16; j++) {
                m[j] = rng.nextDouble() * 2 - 1;
            }
        }
        return new GaussianMixture("blobs", DataShape.of(1, 4, 4), new double[] {1, 1}, means, new double[] {0.1, 0.1});
    }

    @Test
    void theTargetMakesOneStudentStepLandOnTheTeachersTwo() throws Exception {
        GaussianMixture mix = blobs();
        ExactDenoiser teacher = new ExactDenoiser(mix, S);
        float[] x = mix.sample(new Random(1), 1);
        float[] eps = StartNoise.batch(0, 0, 1, 16);
        for (int i = 1; i <= 4; i++) {
            LessonFigures.TargetDemo d = LessonFigures.TargetDemo.compute(teacher, S, x, eps, i, 4);
            assertTrue(d.maxDifference() < 1e-5, "step " + i + ": " + d.maxDifference());
            assertEquals((i - 0.5) / 4, d.times().tPrime(), 1e-15);
        }
    }

    @Test
    void theTargetSlideWorksOnADiscreteScheduleToo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var card = org.pdviz.runtime.DiscreteModels.card(1000, org.pdviz.runtime.DiscreteModels.Time.INT64_INDEX);
        var schedule = (org.pdviz.core.schedule.DiscreteSchedule) card.scheduleValue();
        var file = org.pdviz.runtime.DiscreteModels.gaussian(dir.resolve("d.onnx"), schedule.alphaBar(),
                org.pdviz.runtime.DiscreteModels.Time.INT64_INDEX, card);
        try (var teacher = org.pdviz.runtime.OnnxDenoiser.open(file)) {
            float[] x = {0.3f, -0.2f};
            float[] eps = StartNoise.batch(0, 0, 1, 2);
            for (int i = 1; i <= 4; i++) {
                LessonFigures.TargetDemo d = LessonFigures.TargetDemo.compute(teacher, schedule, x, eps, i, 4);
                assertTrue(d.maxDifference() < 1e-5, "step " + i + ": " + d.maxDifference());
            }
            var steps = LessonFigures.StepsDemo.compute(teacher, "d", schedule, 0, 4,
                    org.pdviz.core.ddim.SamplingMonitor.NONE, 512, 4);
            assertEquals(2, steps.samples().size());
        }
    }

    @Test
    void anEpsPredictionsErrorGrowsLikeSigmaOverAlpha() throws Exception {
        GaussianMixture mix = blobs();
        ExactDenoiser exact = new ExactDenoiser(mix, S);
        float[] x = mix.sample(new Random(3), 1);
        float[] eps = StartNoise.batch(1, 0, 1, 16);
        float[] error = StartNoise.batch(2, 0, 1, 16);
        double rmsError = 0;
        for (float e : error) {
            rmsError += e * e;
        }
        rmsError = Math.sqrt(rmsError / 16);
        double[] times = {0.5, 0.9, 0.99, 1.0};
        LessonFigures.ParamDemo d = LessonFigures.ParamDemo.compute(exact, S, x, eps, error, 0.05, times);
        assertEquals(List.of(Parameterization.X, Parameterization.EPS, Parameterization.V), d.params());
        for (int k = 0; k < times.length; k++) {
            double a = S.alpha(times[k]), s = S.sigma(times[k]);
            assertEquals(0.05 * rmsError, d.rmsError()[0][k], 1e-4 + 1e-3 * 0.05 * rmsError, "x: error as is");
            assertEquals(0.05 * rmsError * s / a, d.rmsError()[1][k], 2e-3 * 0.05 * rmsError * s / a, "eps: times s/a");
            assertEquals(0.05 * rmsError * s, d.rmsError()[2][k], 1e-4 + 1e-3 * 0.05 * rmsError, "v: times sigma");
        }
        assertTrue(d.rmsError()[1][3] > 100, "at t = 1 the eps read-out is useless");
    }
}
