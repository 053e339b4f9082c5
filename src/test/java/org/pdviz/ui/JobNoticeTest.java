package org.pdviz.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pdviz.app.i18n.Language;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.jobs.DistillJob;
import org.pdviz.app.jobs.JobResult;
import org.pdviz.app.jobs.RoundSummary;
import org.pdviz.app.jobs.TrainJob;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.param.Parameterization;
import org.pdviz.runtime.Device;
import org.pdviz.train.TeacherEngine;

/** Which finished job is announced, what it says, and what a click opens (the window test clicks one). */
class JobNoticeTest {

    static final Path RUN = Path.of("runs/gaussians8-teacher-16to4");
    static final DistillJob DISTILL = new DistillJob(Path.of("teacher.onnx"), null, null, null, null, null, 16, 4, 80,
            64, 1e-3, Weighting.SNR_PLUS_ONE, 1.0, 0, Device.CPU, 1, TeacherEngine.ORT, 0, 15, RUN,
            "pdviz distill (test)", null, null, false, null, null, null);
    static final TrainJob TRAIN = new TrainJob("moons", "mlp", Map.of(), Parameterization.V, Weighting.SNR_PLUS_ONE, 100L, 64,
            1e-3, 0.99, 1.0, 0, Device.CPU, 1, 15, Path.of("runs/moons-teacher/moons-teacher.onnx"), "pdviz train (test)", null, false);

    static JobResult result(JobResult.Status status, Object spec, int rounds) {
        List<RoundSummary> r = new java.util.ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            r.add(new RoundSummary(i, rounds, 8 >> i, RUN.resolve("student-" + (8 >> i) + ".onnx"), 80, 0.1, 20));
        }
        return new JobResult(status, (org.pdviz.app.jobs.JobSpec) spec, r, 160, 41, "cpu()", "mlp", null);
    }

    @Test
    void aFinishedDistillationSeenFromAnotherPageOpensItsNewestStudentInTheComparison() {
        Path newest = RUN.resolve("student-4.onnx");
        JobNotice n = JobNotice.of(DISTILL, result(JobResult.Status.FINISHED, DISTILL, 2), newest,
                PdvizApp.View.LIBRARY).orElseThrow();
        assertEquals(newest, n.file());
        assertEquals(PdvizApp.View.COMPARE, n.opens());
        Texts en = Texts.of(Language.EN);
        assertEquals("Job finished: gaussians8-teacher-16to4", n.title().in(en));
        assertEquals("Distillation finished in " + TrainerText.duration(41) + ": the newest student is gaussians8-student-4."
                + "\nClick to compare it with its teacher.", n.text("gaussians8-student-4").in(en));
        assertEquals("Compare", en.get(n.button()));
        Texts zh = Texts.of(Language.ZH);
        assertEquals("任务已完成：gaussians8-teacher-16to4", n.title().in(zh));
        String said = n.text("gaussians8-student-4").in(zh);
        assertTrue(said.contains("gaussians8-student-4") && said.contains("对比"), said);
    }

    @Test
    void aTrainedTeacherOpensInThePlayer() {
        JobNotice n = JobNotice.of(TRAIN, result(JobResult.Status.FINISHED, TRAIN, 1), null, PdvizApp.View.COMPARE)
                .orElseThrow();
        assertEquals(TRAIN.out(), n.file());
        assertEquals(PdvizApp.View.PLAYER, n.opens());
        assertEquals("Job finished: moons-teacher", n.title().in(Texts.of(Language.EN)));
        assertTrue(n.text("moons-teacher").in(Texts.of(Language.EN)).startsWith("Teacher moons-teacher trained in "));
    }

    @Test
    void aStoppedOrFailedJobSaysSoAndOpensTheTrainer() {
        Path newest = RUN.resolve("student-8.onnx");
        Texts en = Texts.of(Language.EN);
        Texts zh = Texts.of(Language.ZH);
        JobNotice stopped = JobNotice.of(DISTILL, result(JobResult.Status.CANCELLED, DISTILL, 1), newest,
                PdvizApp.View.LIBRARY).orElseThrow();
        assertEquals(null, stopped.file(), "nothing to open but the job");
        assertEquals(PdvizApp.View.TRAINER, stopped.opens());
        assertEquals("Job stopped: gaussians8-teacher-16to4", stopped.title().in(en));
        assertEquals("Stopped after " + TrainerText.duration(41) + "; its state is saved."
                + "\nClick to resume it in the trainer.",
                stopped.text(null).in(en));
        assertEquals("Open the trainer", en.get(stopped.button()));
        assertEquals("任务已停止：gaussians8-teacher-16to4", stopped.title().in(zh));

        JobNotice failed = JobNotice.of(TRAIN, null, null, PdvizApp.View.PHI).orElseThrow();
        assertEquals(PdvizApp.View.TRAINER, failed.opens());
        assertEquals("Job failed: moons-teacher", failed.title().in(en));
        assertEquals("任务失败：moons-teacher", failed.title().in(zh));
        assertEquals("打开训练器", zh.get(failed.button()));
    }

    @Test
    void nothingIsSaidOnTheTrainerPageWhereTheOutcomeIsOnScreen() {
        for (JobResult r : new JobResult[] {result(JobResult.Status.FINISHED, DISTILL, 2),
            result(JobResult.Status.CANCELLED, DISTILL, 1), null}) {
            assertTrue(JobNotice.of(DISTILL, r, RUN.resolve("student-4.onnx"), PdvizApp.View.TRAINER).isEmpty());
        }
    }

    @Test
    void aFinishedDistillationWithoutAStudentOpensTheTrainer() {
        JobNotice n = JobNotice.of(DISTILL, result(JobResult.Status.FINISHED, DISTILL, 0), null,
                PdvizApp.View.LIBRARY).orElseThrow();
        assertEquals(PdvizApp.View.TRAINER, n.opens());
        assertEquals("Finished in " + TrainerText.duration(41) + ".\nClick to see it in the trainer.",
                n.text(null).in(Texts.of(Language.EN)));
    }
}
