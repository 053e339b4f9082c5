package org.pdviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.runtime.OnnxDenoiser;
import picocli.CommandLine;

class TrainCliTest {

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run pdviz(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void trainThenDistillFromTheCommandLine() throws Exception {
        Path teacher = dir.resolve("teacher.onnx");
        Run t = pdviz("train", "--data", "moons", "--family", "mlp", "--net", "width=16", "--net", "depth=2",
                "--iterations", "30", "--batch", "32", "--threads", "1", "--out", teacher.toString());
        assertEquals(0, t.status(), t.err());
        assertTrue(t.out().contains("wrote " + teacher), t.out());
        try (OnnxDenoiser d = OnnxDenoiser.open(teacher)) {
            assertEquals("moons", d.card().dataset());
            assertTrue(d.card().lineage().command().startsWith("pdviz train --data moons"), d.card().lineage().command());
        }
        // a checkpoint reopened for training: same network, its card names the parent
        Path more = dir.resolve("more.onnx");
        Run m = pdviz("train", "--init", teacher.toString(), "--iterations", "5", "--batch", "32", "--threads", "1",
                "--out", more.toString());
        assertEquals(0, m.status(), m.err());
        try (OnnxDenoiser d = OnnxDenoiser.open(more)) {
            assertEquals("moons-teacher", d.card().lineage().parent(), "named after its data set");
            assertEquals("moons", d.card().dataset());
            assertEquals(16, ((Number) d.card().family().params().get("width")).intValue());
        }
        assertOneLine(pdviz("train", "--init", teacher.toString(), "--net", "width=8", "--out",
                dir.resolve("x.onnx").toString()), "--init takes the network");

        Path students = dir.resolve("students");
        Run d = pdviz("distill", "--teacher", teacher.toString(), "--from", "8", "--to", "2",
                "--iterations-per-round", "5", "--round-iterations", "2:7", "--batch", "16", "--threads", "1",
                "--eval-count", "20", "--out", students.toString());
        assertEquals(0, d.status(), d.err());
        try (OnnxDenoiser s4 = OnnxDenoiser.open(students.resolve("student-4.onnx"));
             OnnxDenoiser s2 = OnnxDenoiser.open(students.resolve("student-2.onnx"))) {
            assertEquals(5L, s4.card().lineage().iterations(), "the round not named keeps --iterations-per-round");
            assertEquals(7L, s2.card().lineage().iterations(), "--round-iterations 2:7 gives the last round 7");
        }
        assertTrue(d.out().contains("same noise (20 samples"), d.out());
        assertTrue(d.err().contains("teacher forward"), d.err());

        Run again = pdviz("distill", "--teacher", teacher.toString(), "--from", "8", "--to", "2",
                "--iterations-per-round", "5", "--out", students.toString());
        assertEquals(1, again.status());
        assertTrue(again.err().contains("already holds students"), again.err());
    }

    @Test
    void badInputGetsOneLineAndStatusOne() throws Exception {
        Path teacher = dir.resolve("t.onnx");
        assertOneLine(pdviz("train", "--data", "nope", "--family", "mlp", "--out", teacher.toString()),
                "unknown data set");
        assertOneLine(pdviz("train", "--data", "moons", "--family", "resnet", "--out", teacher.toString()),
                "unknown family");
        assertOneLine(pdviz("train", "--data", "moons", "--family", "mlp", "--net", "width=x", "--out",
                teacher.toString()), "width");
        assertOneLine(pdviz("train", "--resume", "--out", teacher.toString()), "nothing to resume");
        assertOneLine(pdviz("distill", "--teacher", dir.resolve("missing.onnx").toString(), "--from", "8", "--to", "2",
                "--iterations-per-round", "5", "--out", dir.resolve("s").toString()), "no such file");
        Path exact = Path.of(System.getProperty("pdviz.home", ".")).resolve("models/exact/exact-gaussians8.onnx");
        assertOneLine(pdviz("distill", "--teacher", exact.toString(), "--from", "12", "--to", "4",
                "--iterations-per-round", "5", "--out", dir.resolve("s").toString()), "power of two");
        assertOneLine(pdviz("distill", "--teacher", exact.toString(), "--from", "8", "--to", "4",
                "--iterations-per-round", "5", "--out", dir.resolve("s").toString()), "--family");
        assertOneLine(pdviz("distill", "--teacher", exact.toString(), "--from", "8", "--to", "2", "--family", "mlp",
                "--iterations-per-round", "5", "--round-iterations", "4=10", "--out", dir.resolve("s").toString()),
                "--round-iterations: '4=10' is not STEPS:ITERATIONS");
        assertOneLine(pdviz("distill", "--teacher", exact.toString(), "--from", "8", "--to", "2", "--family", "mlp",
                "--iterations-per-round", "5", "--round-iterations", "4:10,3:10", "--out",
                dir.resolve("s").toString()), "--round-iterations: no round of this run makes a 3-step student (its"
                + " students have 4, 2 steps)");
        assertTrue(!Files.exists(teacher));
        assertTrue(!Files.exists(dir.resolve("s")), "a refused run leaves no folder");
    }

    static void assertOneLine(Run r, String contains) {
        assertEquals(1, r.status(), r.err());
        String e = r.err().strip();
        assertTrue(e.lines().count() == 1 && e.contains(contains), "expected one line with '" + contains + "': " + e);
    }
}
