package org.pdviz.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdviz.faults.Faults.assertAbsent;
import static org.pdviz.faults.Faults.assertNoPartials;
import static org.pdviz.faults.Faults.assertOneLine;
import static org.pdviz.faults.Faults.assertUntouched;
import static org.pdviz.faults.Faults.fullDisk;
import static org.pdviz.faults.Faults.named;
import static org.pdviz.faults.Faults.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.jobs.DistillJob;
import org.pdviz.app.jobs.JobListener;
import org.pdviz.app.jobs.Jobs;
import org.pdviz.app.jobs.TrainJob;

/** Faults around training jobs: full disks at the end of rounds, damaged and garbled job folders. */
class JobFaultsTest {

    @TempDir
    Path dir;
    Path teacher;

    @BeforeEach
    void teacher() throws Exception {
        teacher = TinyJobs.teacher(dir.resolve("teacher.onnx"));
    }

    private static Exception fails(DistillJob job, Jobs.Start start) {
        return assertThrows(Exception.class, () -> Jobs.run(job, start, JobListener.NONE, () -> false));
    }

    /** The uninterrupted run, to compare resumed ones with, bit for bit. */
    private Path straight() throws Exception {
        Path out = dir.resolve("straight");
        Jobs.run(TinyJobs.distill(teacher, out, 30, 0), Jobs.Start.FRESH, JobListener.NONE, () -> false);
        return out;
    }

    /**
     * Defect 3: the disk fills when a round's student is written. The state was saved first, so the job
     * resumes (rewriting that student from the state) to the uninterrupted run's students.
     */
    @Test
    void aFullDiskWhenARoundsStudentIsWrittenKeepsTheJobResumable() throws Exception {
        Path expected = straight();
        Path out = dir.resolve("students");
        DistillJob job = TinyJobs.distill(teacher, out, 30, 0);
        Exception e;
        try (AutoCloseable disk = fullDisk(named("student-4.onnx"), 1000)) {
            e = fails(job, Jobs.Start.FRESH);
        }
        assertOneLine(e.getMessage(), "cannot write 'student-4.onnx'", out.toString(), "No space left on device");
        assertNoPartials(out);
        assertTrue(Files.exists(job.folder().resolve(Jobs.STATE_FILE)), "the state that resumes the job is kept");
        Exception fresh = fails(job, Jobs.Start.FRESH);
        assertOneLine(fresh.getMessage(), "an interrupted job is in", "--resume");
        Jobs.run(job, Jobs.Start.RESUME, JobListener.NONE, () -> false);
        TinyJobs.assertSameWeights(expected.resolve("student-4.onnx"), out.resolve("student-4.onnx"));
        TinyJobs.assertSameWeights(expected.resolve("student-2.onnx"), out.resolve("student-2.onnx"));
        assertAbsent(job.folder());
    }

    /** Defect 3: the disk fills when the state is saved at the end of a round: the previous state still resumes. */
    @Test
    void aFullDiskWhenTheStateIsSavedLeavesThePreviousStateToResumeFrom() throws Exception {
        Path expected = straight();
        Path out = dir.resolve("students");
        DistillJob job = TinyJobs.distill(teacher, out, 30, 0);
        // the first save (end of round 1) goes through, the second (end of round 2) meets a full disk
        int[] saves = {0};
        Exception e;
        try (AutoCloseable disk = fullDisk(p -> p.getFileName().toString().equals(Jobs.STATE_FILE) && ++saves[0] == 2,
                0)) {
            e = fails(job, Jobs.Start.FRESH);
        }
        assertOneLine(e.getMessage(), "cannot write 'state.bin'", "No space left on device");
        var before = snapshot(out);
        assertTrue(Files.exists(out.resolve("student-4.onnx")));
        assertAbsent(out.resolve("student-2.onnx"));
        assertEquals(1, Jobs.interrupted(job.folder()).orElseThrow().round(), "stopped in round 2");
        Jobs.run(job, Jobs.Start.RESUME, JobListener.NONE, () -> false);
        assertEquals(before.get("student-4.onnx"), snapshot(out).get("student-4.onnx"), "round 1's student is kept");
        TinyJobs.assertSameWeights(expected.resolve("student-2.onnx"), out.resolve("student-2.onnx"));
    }

    /** A full disk before anything was saved: nothing resumable existed, so nothing is left to block a new run. */
    @Test
    void aFullDiskAtTheFirstSaveLeavesNothingBehind() throws Exception {
        Path out = dir.resolve("a/students");
        DistillJob job = TinyJobs.distill(teacher, out, 20, 0);
        try (AutoCloseable disk = fullDisk(named(Jobs.STATE_FILE), 0)) {
            assertOneLine(fails(job, Jobs.Start.FRESH).getMessage(), "cannot write 'state.bin'", "No space left");
        }
        assertAbsent(dir.resolve("a"));
        Jobs.run(job, Jobs.Start.FRESH, JobListener.NONE, () -> false);
        assertTrue(Files.exists(out.resolve("student-2.onnx")));
    }

    /** A full disk as summary.json is written after the last round: the job resumes to write it. */
    @Test
    void aFullDiskAtTheSummaryResumesToWriteIt() throws Exception {
        Path out = dir.resolve("students");
        DistillJob job = TinyJobs.distill(teacher, out, 10, 0);
        try (AutoCloseable disk = fullDisk(named("summary.json"), 10)) {
            assertOneLine(fails(job, Jobs.Start.FRESH).getMessage(), "cannot write 'summary.json'");
        }
        assertAbsent(out.resolve("summary.json"));
        var before = snapshot(out.resolve("student-2.onnx").getParent());
        Jobs.run(job, Jobs.Start.RESUME, JobListener.NONE, () -> false);
        assertTrue(Files.exists(out.resolve("summary.json")));
        assertEquals(before.get("student-2.onnx"), snapshot(out).get("student-2.onnx"));
    }

    /**
     * Defect 9: a damaged state.bin is not a dead end. --resume and a fresh run say what to do; starting
     * over keeps the finished student (byte for byte) and ends with the uninterrupted run's student.
     */
    @Test
    void aDamagedStateStartsOverKeepingTheFinishedStudents() throws Exception {
        Path expected = straight();
        Path out = dir.resolve("students");
        DistillJob job = TinyJobs.distill(teacher, out, 30, 0);
        int[] iterations = {0};
        Jobs.run(job, Jobs.Start.FRESH, p -> iterations[0]++, () -> iterations[0] >= 45);
        Path state = job.folder().resolve(Jobs.STATE_FILE);
        byte[] b = Files.readAllBytes(state);
        b[b.length / 2] ^= 0x5A;
        Files.write(state, b);
        var kept = snapshot(out);
        kept.remove(".job/state.bin");

        assertOneLine(fails(job, Jobs.Start.RESUME).getMessage(), "state.bin", "damaged", "--restart",
                "student");
        assertOneLine(fails(job, Jobs.Start.FRESH).getMessage(), "damaged", "--restart");
        assertTrue(Jobs.interrupted(job.folder()).orElseThrow().damaged());
        java.util.List<String> messages = new java.util.ArrayList<>();
        Jobs.run(job, Jobs.Start.RESTART, new JobListener() {
            @Override
            public void progress(org.pdviz.app.jobs.Progress p) {
            }

            @Override
            public void message(String line) {
                messages.add(line);
            }
        }, () -> false);
        assertTrue(messages.stream().anyMatch(m -> m.contains("continuing after student-4.onnx")), messages.toString());
        assertEquals(kept.get("student-4.onnx"), snapshot(out).get("student-4.onnx"), "the finished student is kept");
        TinyJobs.assertSameWeights(expected.resolve("student-2.onnx"), out.resolve("student-2.onnx"));
    }

    /** Through the command line: the same advice in one line, and --restart does it. */
    @Test
    void theCommandLineOffersToStartOverAfterADamagedState() throws Exception {
        Path out = dir.resolve("students");
        DistillJob job = TinyJobs.distill(teacher, out, 20, 0);
        int[] iterations = {0};
        Jobs.run(job, Jobs.Start.FRESH, p -> iterations[0]++, () -> iterations[0] >= 25);
        Files.write(job.folder().resolve(Jobs.STATE_FILE), new byte[] {'P', 'D', 'V'});
        assertOneLine(Faults.cli("distill", "--resume", "--out", out.toString()), 1, "state.bin", "--restart");
        assertOneLine(Faults.cli("distill", "--teacher", teacher.toString(), "--to", "2", "--iterations-per-round",
                "20", "--out", out.toString()), 1, "--restart");
        Faults.Cli restart = Faults.cli("distill", "--restart", "--out", out.toString());
        assertEquals(0, restart.status(), restart.err());
        assertTrue(Files.exists(out.resolve("student-2.onnx")));
        assertOneLine(Faults.cli("distill", "--resume", "--out", out.toString()), 1, "nothing to resume",
                out.toString());
        assertOneLine(Faults.cli("distill", "--resume", "--restart", "--out", out.toString()), 1, "not both");
    }

    /** A garbled job.json: one line naming it, from the API and the command line; nothing is changed. */
    @Test
    void aGarbledJobDescriptionIsNamed() throws Exception {
        Path out = dir.resolve("students");
        Path folder = Jobs.distillFolder(out);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(Jobs.SPEC_FILE), "{\"kind\": \"distill\", \"to\": ");
        var before = snapshot(out);
        IOException e = assertThrows(IOException.class, () -> Jobs.interrupted(folder));
        assertOneLine(e.getMessage(), "job.json");
        assertOneLine(Faults.cli("distill", "--resume", "--out", out.toString()), 1, "job.json");
        assertUntouched(before, out);
    }

    /** A teacher job whose final write meets a full disk resumes, writing only the file, to the same bits. */
    @Test
    void aFullDiskAtTheTeachersFileResumesToTheSameTeacher() throws Exception {
        Path expected = dir.resolve("straight.onnx");
        Jobs.run(TinyJobs.train(expected, 40, 0), Jobs.Start.FRESH, JobListener.NONE, () -> false);
        Path out = dir.resolve("t/teacher.onnx");
        TrainJob job = TinyJobs.train(out, 40, 0);
        try (AutoCloseable disk = fullDisk(named("teacher.onnx"), 5000)) {
            Exception e = assertThrows(Exception.class, () -> Jobs.run(job, Jobs.Start.FRESH, JobListener.NONE,
                    () -> false));
            assertOneLine(e.getMessage(), "cannot write 'teacher.onnx'", "No space left on device");
        }
        assertAbsent(out);
        assertNoPartials(out.getParent());
        assertEquals(40, Jobs.interrupted(job.folder()).orElseThrow().iteration());
        Jobs.run(job, Jobs.Start.RESUME, JobListener.NONE, () -> false);
        TinyJobs.assertSameWeights(expected, out);
        assertFalse(Files.exists(job.folder()));
    }

    /** A bad teacher fails before any training, in one line naming it, and leaves no folder behind. */
    @Test
    void aBadTeacherLeavesNoJobFolder() throws Exception {
        Path notModel = Files.writeString(dir.resolve("notes.onnx"), "not a model");
        Path out = dir.resolve("x/students");
        assertOneLine(fails(TinyJobs.distill(notModel, out, 5, 0), Jobs.Start.FRESH).getMessage(), "'notes.onnx'",
                "not a valid ONNX model");
        assertAbsent(dir.resolve("x"));
        assertOneLine(fails(TinyJobs.distill(dir.resolve("gone.onnx"), out, 5, 0), Jobs.Start.FRESH).getMessage(),
                "'gone.onnx'", "no such file");
        assertAbsent(dir.resolve("x"));
    }
}
