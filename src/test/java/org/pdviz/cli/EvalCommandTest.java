package org.pdviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.runtime.TestPaths;
import picocli.CommandLine;

class EvalCommandTest {

    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void writesTheReportAndPrintsATable() {
        Path out = dir.resolve("eval");
        Outcome o = run("eval", "--teacher", TestPaths.home().resolve("models/exact/exact-gaussian-2d.onnx").toString(),
                "--steps", "1,8", "--samples", "100", "--bootstrap", "10", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.isRegularFile(out.resolve("report.json")));
        assertTrue(Files.isRegularFile(out.resolve("report.png")));
        assertTrue(o.out().contains("exact-gaussian-2d (DDIM)"), o.out());
        assertTrue(o.out().contains("swd [95% CI]") && o.out().contains("real vs real"), o.out());
    }

    @Test
    void badInputIsOneLineAndExitsWithOne() {
        Path out = dir.resolve("bad");
        Outcome o = run("eval", "--teacher", dir.resolve("missing.onnx").toString(), "--out", out.toString());
        assertEquals(1, o.code());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("no such file"), o.err());
        Outcome steps = run("eval", "--teacher", TestPaths.home().resolve("models/exact/exact-gaussian-2d.onnx")
                .toString(), "--steps", "4,0", "--out", out.toString());
        assertEquals(1, steps.code());
        assertTrue(steps.err().contains("--steps must be positive"), steps.err());
        Outcome clip = run("eval", "--teacher", "x.onnx", "--clip", "sometimes", "--out", out.toString());
        assertEquals(1, clip.code());
        assertTrue(clip.err().contains("--clip takes auto, on or off"), clip.err());
        assertFalse(Files.exists(out.resolve("report.json")));
    }
}
