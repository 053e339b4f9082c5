package org.pdviz.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdviz.faults.Faults.assertAbsent;
import static org.pdviz.faults.Faults.assertNoPartials;
import static org.pdviz.faults.Faults.assertOneLine;
import static org.pdviz.faults.Faults.assertUntouched;
import static org.pdviz.faults.Faults.cli;
import static org.pdviz.faults.Faults.fullDisk;
import static org.pdviz.faults.Faults.named;
import static org.pdviz.faults.Faults.snapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.runtime.TestPaths;

/**
 * A disk that fills up at each kind of write the commands make (through the write seam every file
 * goes through): one line naming the file and the disk's complaint, status 1, no temporary or
 * half-written file, and what was in the folder before is untouched.
 */
class FullDiskTest {

    static final Path G8 = TestPaths.home().resolve("models/exact/exact-gaussians8.onnx");

    @TempDir
    Path dir;

    /** Runs the command twice, with the disk full at once and after a few bytes of {@code file}. */
    private void failsCleanly(Path out, String file, String... args) throws Exception {
        for (long room : new long[] {0, 200}) {
            var before = snapshot(dir);
            Predicate<Path> which = named(file);
            Faults.Cli r;
            try (AutoCloseable disk = fullDisk(which, room)) {
                r = cli(args);
            }
            assertOneLine(r, 1, "cannot write '" + file + "'", "No space left on device");
            assertNoPartials(dir);
            assertUntouched(before, dir);
        }
    }

    @Test
    void sampleTrajectoryAndPicture() throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.writeString(out.resolve("trajectory.json"), "{\"an\": \"earlier run\"}");
        Files.writeString(out.resolve("samples.png"), "an earlier picture");
        String[] args = {"sample", "--model", G8.toString(), "--steps", "3", "--count", "50", "--out", out.toString()};
        failsCleanly(out, "trajectory.json", args);
        failsCleanly(out, "samples.png", args);
        Path fresh = dir.resolve("fresh/run");
        try (AutoCloseable disk = fullDisk(named("samples.png"), 0)) {
            assertOneLine(cli("sample", "--model", G8.toString(), "--steps", "3", "--out", fresh.toString()), 1,
                    "samples.png");
        }
        assertAbsent(dir.resolve("fresh"));
    }

    @Test
    void evalReport() throws Exception {
        Path out = Files.createDirectory(dir.resolve("eval"));
        Files.writeString(out.resolve("report.json"), "{}");
        String[] args = {"eval", "--teacher", G8.toString(), "--steps", "2,4", "--samples", "40", "--bootstrap", "3",
            "--exact", "none", "--out", out.toString()};
        failsCleanly(out, "report.json", args);
        failsCleanly(out, "report.png", args);
    }

    @Test
    void exportFramesAndGif() throws Exception {
        Path out = Files.createDirectory(dir.resolve("frames"));
        Files.writeString(out.resolve("sampling-0000.png"), "an earlier frame");
        String[] args = {"export", "--model", G8.toString(), "--what", "sampling", "--steps", "4", "--count", "20",
            "--frames", "5", "--gif", "--out", out.toString()};
        failsCleanly(out, "sampling-0003.png", args);
        var before = snapshot(dir);
        try (AutoCloseable disk = fullDisk(named("sampling.gif"), 100)) {
            Faults.assertEndsWithOneLine(cli(args), 1, "export", "cannot write 'sampling.gif'",
                    "No space left on device");
        }
        assertNoPartials(dir);
        assertAbsent(out.resolve("sampling.gif"));
        assertEquals(5, snapshot(out).keySet().stream().filter(f -> f.endsWith(".png")).count(),
                "the frames, complete, and no GIF: " + snapshot(out) + " was " + before);
    }

    @Test
    void exactTeacher() throws Exception {
        Path file = dir.resolve("teachers/g.onnx");
        try (AutoCloseable disk = fullDisk(named("g.onnx"), 300)) {
            assertOneLine(cli("exact", "--preset", "gaussians8", "--out", file.toString()), 1, "cannot write 'g.onnx'",
                    "No space left on device");
        }
        assertAbsent(dir.resolve("teachers"));
    }

    @Test
    void aTrainingJobsDescriptionAndState() throws Exception {
        Path out = dir.resolve("t/teacher.onnx");
        String[] args = {"train", "--data", "moons", "--family", "mlp", "--net", "width=16", "--net", "depth=2",
            "--iterations", "20", "--batch", "16", "--threads", "1", "--out", out.toString()};
        try (AutoCloseable disk = fullDisk(named("job.json"), 0)) {
            Faults.assertEndsWithOneLine(cli(args), 1, "train", "cannot write 'job.json'", "No space left on device");
        }
        assertAbsent(dir.resolve("t"));
        try (AutoCloseable disk = fullDisk(named("state.bin"), 100)) {
            Faults.assertEndsWithOneLine(cli(args), 1, "train", "cannot write 'state.bin'", "No space left on device");
        }
        assertAbsent(dir.resolve("t"));
        Faults.Cli ok = cli(args);
        assertEquals(0, ok.status(), ok.err());
        assertTrue(Files.exists(out));
    }
}
