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
import org.pdviz.runtime.exact.ExactTeachers;
import org.pdviz.train.onnx.Checkpoint;

class JobsTest {

    @TempDir
    Path dir;

    static TrainJob tinyTrain(Path out, long iterations, String device) {
        return new TrainJob("gaussians8", "mlp", Map.of("width", "16", "depth", "2"), "v", "snr+1", iterations, 64, 2e-3,
                0.99, 1.0, 3, device, 1, 0, out, "pdviz train (test)", null);
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
        Jobs.run(tinyTrain(straight, 120, "cpu"), false, JobListener.NONE, () -> false);

        Path out = dir.resolve("teacher.onnx");
        TrainJob job = tinyTrain(out, 120, "cpu");
        Recorder rec = new Recorder();
        rec.cancelAfter = 40;
        synchronized (rec) {
            rec.cancelAt.set(Jobs.start(job, rec));
        }
        JobResult first = rec.cancelAt.get().await();
        assertTrue(first.cancelled());
        assertFalse(Files.exists(out));
        var interrupted = Jobs.interrupted(Jobs.folderFor(job)).orElseThrow();
        assertTrue(interrupted.iteration() >= 40 && interrupted.iteration() < 120, "stopped at " + interrupted.where());
        assertEquals(job, interrupted.spec(), "job.json holds the spec");
        Progress p = rec.progress.get(rec.progress.size() - 1);
        assertEquals(120, p.iterations());
        assertTrue(p.stepsPerSecond() > 0 && Double.isFinite(p.etaSeconds()), p.toString());

        var e = assertThrows(java.io.IOException.class, () -> Jobs.run(job, false, JobListener.NONE, () -> false));
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());

        // while a process holds the job (here: an OS lock taken by this test), nobody else may run it
        try (var ch = java.nio.channels.FileChannel.open(Jobs.folderFor(job).resolve(Jobs.LOCK_FILE),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             var held = ch.lock()) {
            e = assertThrows(java.io.IOException.class, () -> Jobs.run(job, true, JobListener.NONE, () -> false));
            assertTrue(e.getMessage().contains("is running"), e.getMessage());
        }

        Recorder rec2 = new Recorder();
        JobResult second = Jobs.resume(Jobs.folderFor(job), rec2).await();
        assertFalse(second.cancelled());
        assertTrue(rec2.messages.stream().anyMatch(m -> m.startsWith("resuming at iteration")), rec2.messages.toString());
        assertEquals(interrupted.iteration() + 1, rec2.progress.get(0).iteration());
        assertFalse(Files.exists(Jobs.folderFor(job)), "a finished job's folder is removed");
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
        JobResult r = Jobs.run(tinyTrain(dir.resolve("t.onnx"), 3, "cuda"), false, rec, () -> false);
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
                128, 3e-3, "snr+1", 1.0, 1, "cpu", 1, "auto", 300, 0, out, "pdviz distill (test)", 200L, null);
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
        assertFalse(Files.exists(Jobs.folderFor(job)));
    }
}
