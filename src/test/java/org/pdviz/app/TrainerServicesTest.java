package org.pdviz.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.jobs.DistillJob;
import org.pdviz.app.jobs.Jobs;
import org.pdviz.app.jobs.Progress;
import org.pdviz.app.jobs.ProgressLog;
import org.pdviz.app.jobs.RoundPreview;
import org.pdviz.app.jobs.RoundSummary;
import org.pdviz.app.jobs.Runs;
import org.pdviz.app.jobs.Stage;
import org.pdviz.app.jobs.TrainJob;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.exact.ExactDenoiser;
import org.pdviz.core.data.PointSets;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.exact.ExactTeachers;
import org.pdviz.train.TeacherEngine;

/** What the trainer panel builds on in app.jobs: the event log, the runs folder, the stage plan, the preview. */
class TrainerServicesTest {

    @TempDir
    Path dir;

    @Test
    void theLogAveragesLossesOverBucketsPerStageAndHandsOutOnlyWhatIsNew() {
        ProgressLog log = new ProgressLog(4);
        assertEquals(3, log.bucket(10)); // ceil(10 / 4)
        assertEquals(1, log.bucket(3));
        for (int i = 1; i <= 10; i++) {
            log.progress(new Progress(0, 2, "copying the teacher", null, i, 10, i, 100, 1));
        }
        log.message("hello");
        ProgressLog.Update u = log.drain();
        // buckets end at iterations 3, 6, 9 and at the stage's last iteration 10
        assertEquals(List.of(new ProgressLog.LossPoint(0, 3, 2.0), new ProgressLog.LossPoint(0, 6, 5.0),
                new ProgressLog.LossPoint(0, 9, 8.0), new ProgressLog.LossPoint(0, 10, 10.0)), u.losses());
        assertEquals(List.of("hello"), u.messages());
        assertEquals(10, u.latest().iteration());
        assertTrue(log.drain().isEmpty(), "a second drain has nothing new");

        // a new stage starts a new bucket even mid-way; a resumed stage starts part way through; NaN is skipped
        log.progress(new Progress(1, 2, "8->4 steps", 4, 5, 6, 1.0, 100, 1));
        log.progress(new Progress(1, 2, "8->4 steps", 4, 6, 6, Double.NaN, 100, 0));
        RoundSummary r = new RoundSummary(1, 2, 4, dir.resolve("student-4.onnx"), 6, 1.0, 0.1);
        log.roundFinished(r);
        u = log.drain();
        assertEquals(List.of(new ProgressLog.LossPoint(1, 6, 1.0)), u.losses());
        assertEquals(List.of(r), u.finished());
        assertThrows(IllegalArgumentException.class, () -> new ProgressLog(0));
    }

    @Test
    void modelsOfTheSameNameAreToldApartByTheirFolder() {
        var a = new org.pdviz.app.library.ModelEntry(dir.resolve("run-a/student-4.onnx"), null, 0);
        var b = new org.pdviz.app.library.ModelEntry(dir.resolve("run-b/student-4.onnx"), null, 0);
        var t = new org.pdviz.app.library.ModelEntry(dir.resolve("run-a/teacher.onnx"), null, 0);
        List<org.pdviz.app.library.ModelEntry> all = List.of(a, b, t);
        assertEquals("student-4 (run-a)", org.pdviz.app.library.ModelChoice.displayName(all, a));
        assertEquals("student-4 (run-b)", org.pdviz.app.library.ModelChoice.displayName(all, b));
        assertEquals("teacher", org.pdviz.app.library.ModelChoice.displayName(all, t));
        assertEquals("student-4", org.pdviz.app.library.ModelChoice.displayName(List.of(a, t), a));
    }

    @Test
    void runsGetFreshFoldersAndUnreadableJobsAreReportedNotListed() throws Exception {
        Path runs = dir.resolve("runs");
        assertEquals(runs.resolve("moons-64to4"), Runs.newRun(runs, " moons-64to4 "));
        Files.createDirectories(runs.resolve("moons-64to4"));
        Files.createDirectories(runs.resolve("moons-64to4-2"));
        assertEquals(runs.resolve("moons-64to4-3"), Runs.newRun(runs, "moons-64to4"));
        for (String bad : new String[] {"", "../up", "a b", "-x", "x/y"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Runs.newRun(runs, bad), bad);
            assertTrue(e.getMessage().contains("run name"), e.getMessage());
        }
        assertTrue(Runs.interrupted(dir.resolve("nothing-here")).jobs().isEmpty());
        Path broken = Files.createDirectories(runs.resolve("moons-64to4/.job"));
        Files.writeString(broken.resolve(Jobs.SPEC_FILE), "{ not json");
        Runs.Found found = Runs.interrupted(runs);
        assertTrue(found.jobs().isEmpty());
        assertEquals(1, found.problems().size(), found.problems().toString());
        assertTrue(found.problems().get(0).contains("job.json"), found.problems().get(0));

        String old = System.getProperty(Runs.PROPERTY);
        try {
            System.setProperty(Runs.PROPERTY, runs.toString());
            assertEquals(runs.toAbsolutePath().normalize(), Runs.defaultFolder());
        } finally {
            if (old == null) {
                System.clearProperty(Runs.PROPERTY);
            } else {
                System.setProperty(Runs.PROPERTY, old);
            }
        }
    }

    @Test
    void aJobsStagesArePlannedBeforeItRuns() throws Exception {
        Path teacher = dir.resolve("exact.onnx");
        ExactTeachers.write("gaussians8", PdvizHome.locate().mnist(), teacher, "test");
        Path out = dir.resolve("students");
        DistillJob job = new DistillJob(teacher, null, "mlp", Map.of("width", "32"), null, null, 16, 2, 150, 128, 3e-3,
                Weighting.SNR_PLUS_ONE, 1.0, 1, Device.CPU, 1, TeacherEngine.AUTO, 0, 0, out, "test", null, null);
        List<Stage> stages = job.stages();
        Path abs = out.toAbsolutePath().normalize();
        assertEquals(List.of(new Stage(0, "copying the teacher", null, 600, abs.resolve("teacher-copy.onnx")),
                new Stage(1, "16->8 steps", 8, 150, abs.resolve("student-8.onnx")),
                new Stage(2, "8->4 steps", 4, 150, abs.resolve("student-4.onnx")),
                new Stage(3, "4->2 steps", 2, 150, abs.resolve("student-2.onnx"))), stages);
        assertTrue(Files.notExists(out), "planning writes nothing");

        TrainJob train = new TrainJob("moons", "mlp", Map.of(), null, null, 250L, null, null, 0.999, 1, 0, Device.CPU, 1, 0,
                dir.resolve("t.onnx"), "test", null);
        assertEquals(List.of(new Stage(0, "training", null, 250, dir.resolve("t.onnx").toAbsolutePath().normalize())),
                train.stages());

        DistillJob bad = new DistillJob(teacher, null, "mlp", Map.of(), null, null, 12, 4, 150, null, null, null, 1.0, 1,
                Device.CPU, 1, TeacherEngine.AUTO, 0, 0, out, "test", null, null);
        var e = assertThrows(IllegalArgumentException.class, () -> bad.stages());
        assertTrue(e.getMessage().contains("power of two"), e.getMessage());
    }

    @Test
    void thePreviewSamplesFromTheReferencesNoiseAndMeasuresTheSameNoiseRmse() throws Exception {
        Path teacher = dir.resolve("exact.onnx");
        ExactTeachers.write("gaussians8", PdvizHome.locate().mnist(), teacher, "test");
        int n = 64;
        try (RoundPreview p = RoundPreview.open(teacher, CardOverrides.NONE, 32, 7, n)) {
            // independently: the closed-form mixture sampled by core's DDIM from the same seed
            DdimSampler sampler = new DdimSampler(CosineSchedule.CLIPPED);
            ExactDenoiser exact = new ExactDenoiser(PointSets.GAUSSIANS8, CosineSchedule.CLIPPED);
            float[] ref = sampler.sample("exact", exact, new SamplerSettings(32, 7, n, null,
                    SamplerSettings.Recording.FINAL), SamplingMonitor.NONE).finalSample();
            float[] few = sampler.sample("exact", exact, new SamplerSettings(4, 7, n, null,
                    SamplerSettings.Recording.FINAL), SamplingMonitor.NONE).finalSample();
            assertArrayEquals(ref, p.reference().values(), 1e-4f);
            assertEquals(0.0, p.reference().rmse());

            RoundPreview.View v = p.of(teacher, 4);
            assertEquals(4, v.model().steps());
            assertArrayEquals(few, v.teacherDdim().values(), 1e-4f);
            double rmse = 0;
            for (int i = 0; i < n; i++) {
                double dx = few[2 * i] - ref[2 * i], dy = few[2 * i + 1] - ref[2 * i + 1];
                rmse += Math.sqrt((dx * dx + dy * dy) / 2) / n;
            }
            assertEquals(rmse, v.teacherDdim().rmse(), 1e-4);
            assertEquals(v.teacherDdim().rmse(), v.model().rmse(), 1e-12, "the same model: the same samples");
            assertTrue(rmse > 0.02, "4 steps differ from 32: " + rmse);
            assertEquals(0.0, p.of(teacher, 32).model().rmse(), 1e-6);
        }
    }
}
