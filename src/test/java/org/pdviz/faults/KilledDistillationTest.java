package org.pdviz.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.jobs.DistillJob;
import org.pdviz.app.jobs.JobListener;
import org.pdviz.app.jobs.Jobs;
import org.pdviz.runtime.AtomicFiles;

/**
 * Tiny distillations killed at random points, between iterations and in the middle of writing a
 * file, resume to the same bits as an uninterrupted run. A kill is an {@link Error} thrown where the
 * process would die: nothing of the job's own clean-up runs for a write cut short (its temporary
 * file stays, as after kill -9). One run is a real process killed with SIGKILL.
 */
class KilledDistillationTest {

    @TempDir
    Path dir;

    /** Where a process would have died. */
    static final class Killed extends Error {
        Killed(String where) {
            super("killed " + where);
        }
    }

    private Path straight(Path teacher, long k) throws Exception {
        Path out = dir.resolve("straight");
        Jobs.run(TinyJobs.distill(teacher, out, k, 0.0), Jobs.Start.FRESH, JobListener.NONE, () -> false);
        return out;
    }

    @Test
    void killedAtRandomPointsAResumedRunEndsWithTheUninterruptedStudents() throws Exception {
        Path teacher = TinyJobs.teacher(dir.resolve("teacher.onnx"));
        long k = 40;
        Path expected = straight(teacher, k);
        Path out = dir.resolve("killed");
        // the state is saved nearly every iteration, so kills land on every kind of point
        DistillJob job = TinyJobs.distill(teacher, out, k, 1e-4);
        Random random = new Random(20261202);
        int kills = 0;
        Jobs.Start start = Jobs.Start.FRESH;
        for (int attempt = 0; attempt < 16; attempt++) {
            boolean inWrite = attempt % 2 == 1;
            long killAt = 1 + random.nextInt((int) (k / 2));
            long cutAt = 1 + random.nextInt(3000);
            int[] seen = {0};
            AtomicFiles.Storage cut = new AtomicFiles.Storage() {
                @Override
                public OutputStream through(Path target, OutputStream o) {
                    if (++seen[0] < killAt / 4 + 1) {
                        return o;
                    }
                    return new java.io.FilterOutputStream(o) {
                        long written;

                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            if (written + len > cutAt) {
                                out.write(b, off, (int) Math.max(0, cutAt - written));
                                throw new Killed("writing " + target.getFileName() + " at byte " + cutAt);
                            }
                            written += len;
                            out.write(b, off, len);
                        }
                    };
                }
            };
            long[] iterations = {0};
            JobListener listener = p -> {
                if (!inWrite && ++iterations[0] == killAt) {
                    throw new Killed("at iteration " + killAt + " of this session");
                }
            };
            try (AutoCloseable disk = inWrite ? AtomicFiles.use(cut) : () -> { }) {
                Jobs.run(job, start, listener, () -> false);
                break;
            } catch (Killed e) {
                kills++;
            }
            start = Jobs.Start.RESUME;
            if (Jobs.interrupted(job.folder()).isEmpty()) {
                start = Jobs.Start.FRESH; // killed before anything was saved: the job never began
            }
        }
        if (Files.exists(job.folder())) {
            Jobs.run(job, Jobs.Start.RESUME, JobListener.NONE, () -> false);
        }
        assertTrue(kills >= 8, "killed " + kills + " times");
        TinyJobs.assertSameWeights(expected.resolve("student-4.onnx"), out.resolve("student-4.onnx"));
        TinyJobs.assertSameWeights(expected.resolve("student-2.onnx"), out.resolve("student-2.onnx"));
        assertFalse(Files.exists(job.folder()), "the finished job's folder is gone");
        try (Stream<Path> s = Files.walk(out)) {
            List<Path> partial = s.filter(p -> p.toString().endsWith(".partial")).toList();
            assertEquals(List.of(), partial, "a resumed job clears what killed writes left");
        }
    }

    /** A real process, killed with SIGKILL while it distils, resumes in another to the same students. */
    @Test
    void aProcessKilledWithSigkillResumesToTheSameStudents() throws Exception {
        stopAChildAndResume(true);
    }

    /**
     * SIGTERM (as Ctrl-C) lets the job save its state and say how to go on, and the process ends with
     * 143, not a crash ({@code OrtExitTest} pins down the crash a real teacher's long runs met there).
     */
    @Test
    void aProcessStoppedWithSigtermSavesItsStateExitsCleanlyAndResumesToTheSameStudents() throws Exception {
        String log = stopAChildAndResume(false);
        assertTrue(log.contains("interrupted: the state is saved; continue with pdviz distill --resume"), log);
        assertFalse(log.contains("A fatal error has been detected"), log);
    }

    private String stopAChildAndResume(boolean kill) throws Exception {
        Path teacher = TinyJobs.teacher(dir.resolve("teacher.onnx"));
        long k = 600;
        Path expected = straight(teacher, k);
        Path out = dir.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Dai.djl.offline=true",
                "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"),
                "-cp", System.getProperty("java.class.path"), "org.pdviz.cli.Main", "distill",
                "--teacher", teacher.toString(), "--from", "8", "--to", "2", "--iterations-per-round", "" + k,
                "--batch", "32", "--lr", "3e-3", "--seed", "5", "--threads", "1", "--teacher-engine", "ort",
                "--eval-count", "0", "--checkpoint-seconds", "0.05", "--out", out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        Path state = Jobs.distillFolder(out).resolve(Jobs.STATE_FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(state) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the child ended before it could be stopped: " + Files.readString(dir.resolve("child.log")));
        Thread.sleep(50);
        if (kill) {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
        } else {
            p.destroy(); // SIGTERM: the shutdown hooks run
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String log = Files.readString(dir.resolve("child.log"));
        if (!kill) {
            assertEquals(143, p.exitValue(), log); // 128 + SIGTERM; a crash ends with 134 or 139
            try (Stream<Path> s = Files.list(dir)) {
                assertEquals(List.of(), s.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList(), log);
            }
        }
        assertTrue(Jobs.interrupted(Jobs.distillFolder(out)).isPresent(), "the stopped job can be resumed");
        DistillJob saved = (DistillJob) Jobs.interrupted(Jobs.distillFolder(out)).orElseThrow().spec();
        Jobs.run(saved, Jobs.Start.RESUME, JobListener.NONE, () -> false);
        TinyJobs.assertSameWeights(expected.resolve("student-4.onnx"), out.resolve("student-4.onnx"));
        TinyJobs.assertSameWeights(expected.resolve("student-2.onnx"), out.resolve("student-2.onnx"));
        assertThrows(IOException.class, () -> Jobs.resume(Jobs.distillFolder(out), JobListener.NONE));
        return log;
    }
}
