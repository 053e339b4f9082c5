package org.pdviz.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.eval.DistillComparison;
import org.pdviz.app.jobs.DistillJob;
import org.pdviz.app.jobs.JobHandle;
import org.pdviz.app.jobs.JobListener;
import org.pdviz.app.jobs.JobResult;
import org.pdviz.app.jobs.Jobs;
import org.pdviz.app.jobs.Progress;
import org.pdviz.app.jobs.TrainJob;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.param.Parameterization;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.exact.ExactTeachers;
import org.pdviz.train.TeacherEngine;
import org.pdviz.train.onnx.Checkpoint;

class JobsTest {

    @TempDir
    Path dir;

    static TrainJob tinyTrain(Path out, long iterations, Device device) {
        return new TrainJob("gaussians8", "mlp", Map.of("width", "16", "depth", "2"), Parameterization.V,
                Weighting.SNR_PLUS_ONE, iterations, 64, 2e-3, 0.99, 1.0, 3, device, 1, 0, out, "pdviz train (test)", null);
    }

    static final class Recorder implements JobListener {
        final List<Progress> progress = new CopyOnWriteArrayList<>();
        final List<String> messages = new CopyOnWriteArrayList<>();
        final AtomicReference<JobHandle> cancelAt = new AtomicReference<>();
        long cancelAfter = Long.MAX_VALUE;

        @Override
        public void progress(Progress p) {
            progress.add(p);
            if (p.iteration() >= cancelAfter && cancelAt.get() != null) {
                cancelAt.get().cancel();
            }
        }

        @Override
        public void message(String line) {
            messages.add(line);
        }
    }

    @Test
    void aJobCancelledThroughItsHandleResumesFromItsFolderToTheSameTeacher() throws Exception {
        Path straight = dir.resolve("straight.onnx");
        Jobs.run(tinyTrain(straight, 120, Device.CPU), false, JobListener.NONE, () -> false);

        Path out = dir.resolve("teacher.onnx");
        TrainJob job = tinyTrain(out, 120, Device.CPU);
        Recorder rec = new Recorder();
        rec.cancelAfter = 40;
        synchronized (rec) {
            rec.cancelAt.set(Jobs.start(job, rec));
        }
        JobResult first = rec.cancelAt.get().await();
        assertTrue(first.cancelled());
        assertFalse(Files.exists(out));
        var interrupted = Jobs.interrupted(job.folder()).orElseThrow();
        assertTrue(interrupted.iteration() >= 40 && interrupted.iteration() < 120, "stopped at " + interrupted.where());
        assertEquals(job, interrupted.spec(), "job.json holds the spec");
        String json = Files.readString(job.folder().resolve(Jobs.SPEC_FILE));
        assertTrue(json.contains("\"weighting\" : \"snr+1\"") && json.contains("\"parameterization\" : \"v\"")
                && json.contains("\"device\" : \"cpu\""), "typed settings are written as a user types them: " + json);
        Progress p = rec.progress.get(rec.progress.size() - 1);
        assertEquals(120, p.iterations());
        assertTrue(p.stepsPerSecond() > 0 && Double.isFinite(p.etaSeconds()), p.toString());

        var e = assertThrows(java.io.IOException.class, () -> Jobs.run(job, false, JobListener.NONE, () -> false));
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());

        // while a process holds the job (here: an OS lock taken by this test), nobody else may run it
        try (var ch = java.nio.channels.FileChannel.open(job.folder().resolve(Jobs.LOCK_FILE),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             var held = ch.lock()) {
            e = assertThrows(java.io.IOException.class, () -> Jobs.run(job, true, JobListener.NONE, () -> false));
            assertTrue(e.getMessage().contains("is running"), e.getMessage());
        }

        Recorder rec2 = new Recorder();
        JobResult second = Jobs.resume(job.folder(), rec2).await();
        assertFalse(second.cancelled());
        assertTrue(rec2.messages.stream().anyMatch(m -> m.startsWith("resuming at iteration")), rec2.messages.toString());
        assertEquals(interrupted.iteration() + 1, rec2.progress.get(0).iteration());
        assertFalse(Files.exists(job.folder()), "a finished job's folder is removed");
        var a = Checkpoint.read(straight).weights();
        var b = Checkpoint.read(out).weights();
        for (String name : a.asMap().keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name);
        }

        e = assertThrows(java.io.IOException.class, () -> Jobs.run(job, false, JobListener.NONE, () -> false));
        assertTrue(e.getMessage().contains("exists"), e.getMessage());
    }

    @Test
    void cudaFallsBackToTheCpuWithOneLine() throws Exception {
        Recorder rec = new Recorder();
        JobResult r = Jobs.run(tinyTrain(dir.resolve("t.onnx"), 3, Device.CUDA), false, rec, () -> false);
        assertFalse(r.cancelled());
        assertTrue(r.device().startsWith("cpu"), r.device());
        List<String> cuda = rec.messages.stream().filter(m -> m.contains("CUDA")).toList();
        assertEquals(1, cuda.size(), rec.messages.toString());
        assertTrue(cuda.get(0).contains("training on the CPU"), cuda.get(0));
    }

    @Test
    void aDistillationJobWritesItsStudentsSummaryAndComparison() throws Exception {
        Path teacher = dir.resolve("exact.onnx");
        ExactTeachers.write("gaussians8", PdvizHome.locate().mnist(), teacher, "test");
        Path out = dir.resolve("students");
        DistillJob job = new DistillJob(teacher, null, "mlp", Map.of("width", "32", "depth", "2"), null, null, 8, 2, 150,
                128, 3e-3, Weighting.SNR_PLUS_ONE, 1.0, 1, Device.CPU, 1, TeacherEngine.AUTO, 300, 0, out, "pdviz distill (test)", 200L, null);
        Recorder rec = new Recorder();
        JobResult r = Jobs.run(job, false, rec, () -> false);
        assertEquals(3, r.rounds().size(), "copying the teacher, then 8->4 and 4->2");
        assertEquals(null, r.rounds().get(0).steps());
        assertEquals(4, r.rounds().get(1).steps());
        assertEquals(3, rec.progress.get(rec.progress.size() - 1).rounds());
        assertEquals("copying the teacher", rec.progress.get(0).label());
        assertEquals(200, rec.progress.get(0).iterations());
        assertEquals("8->4 steps", rec.progress.get(200).label());
        assertEquals(4, rec.progress.get(200).studentSteps());
        assertTrue(Files.exists(out.resolve("summary.json")));
        DistillComparison.Comparison c = r.evaluation();
        assertNotNull(c);
        assertEquals(300, c.count());
        assertTrue(c.student() < c.teacherDdim(), c.toString());
        assertFalse(Files.exists(job.folder()));
    }

    @Test
    void aJobSavedWhenItsSettingsWereStringsStillResumes() throws Exception {
        Path out = dir.resolve("old"), teacher = dir.resolve("t.onnx");
        Path folder = Jobs.distillFolder(out);
        Files.createDirectories(folder);
        // job.json as versions with string settings wrote it
        Files.writeString(folder.resolve(Jobs.SPEC_FILE), """
                {
                  "kind" : "distill", "teacher" : "%s", "teacherParameterization" : "eps", "family" : "mlp",
                  "net" : { "width" : "32" }, "studentParameterization" : "v", "data" : null, "from" : 8, "to" : 2,
                  "iterationsPerRound" : 150, "batch" : 128, "lr" : 0.003, "weighting" : "snr+1", "clip" : 1.0,
                  "seed" : 1, "device" : "cpu", "threads" : 1, "teacherEngine" : "ort", "evalCount" : 300,
                  "checkpointSeconds" : 0.0, "out" : "%s", "command" : "pdviz distill (test)", "copyIterations" : 200,
                  "copyLr" : null, "normalize" : false, "teacherSamples" : null, "teacherCard" : null
                }
                """.formatted(teacher.toUri(), out.toUri()));
        DistillJob expected = new DistillJob(teacher, Parameterization.EPS, "mlp", Map.of("width", "32"),
                Parameterization.V, null, 8, 2, 150, 128, 0.003, Weighting.SNR_PLUS_ONE, 1.0, 1, Device.CPU, 1,
                TeacherEngine.ORT, 300, 0, out, "pdviz distill (test)", 200L, null);
        Jobs.Interrupted found = Jobs.interrupted(folder).orElseThrow();
        assertEquals(expected, found.spec());
        assertEquals(folder, found.spec().folder());
        assertEquals("stage 1, iteration 0", found.where());

        Files.writeString(folder.resolve(Jobs.SPEC_FILE), Files.readString(folder.resolve(Jobs.SPEC_FILE))
                .replace("\"snr+1\"", "\"loud\""));
        var e = assertThrows(java.io.IOException.class, () -> Jobs.interrupted(folder));
        assertTrue(e.getMessage().contains("job.json") && e.getMessage().contains("loud"), e.getMessage());
    }

    @Test
    void everyKindOfJobSaysItsStagesAndWhereItLives() throws Exception {
        Path file = dir.resolve("c.onnx");
        var classifier = new org.pdviz.app.jobs.ClassifierJob(Map.of(), 30L, 16, 2e-3, 2, 4, 0, Device.CPU, 1, 0, file,
                "test");
        var stages = classifier.stages();
        assertEquals(1, stages.size(), "a classifier job has one stage, not a ClassCastException");
        assertEquals(30, stages.get(0).iterations());
        assertEquals(Jobs.fileFolder(file), classifier.folder());
        assertEquals("iteration 7", classifier.where(0, 7));
    }
}
