package org.pdviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pdviz.runtime.TestPaths;

/** The comparison's numbers in the terminal: the same defaults and services as the app's compare view. */
class CompareCommandTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void printsEvaluationsAndSteadyTimeEachWithItsRatioToTheReferenceAndSameNoiseRmse() throws Exception {
        // a library of one exact teacher: the comparison is its 512 steps against its own 4
        java.nio.file.Files.copy(TestPaths.home().resolve("models/exact/exact-mnist-class-means.onnx"),
                dir.resolve("exact-mnist-class-means.onnx"));
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute("compare", "--models", dir.toString(), "--count", "4");
        assertEquals(0, rc, err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals("same noise: seed 0, 4 samples per sampler; time: steady state (sessions warmed; steps x fastest"
                + " step over up to 15 runs)", lines.get(0));
        assertEquals(List.of("sampler", "steps", "evaluations", "fewer", "time", "faster", "runs", "same-noise", "RMSE",
                "quality", "(report.json)"), List.of(lines.get(1).trim().split("\\s+")));
        String ref = lines.get(2), plain = lines.get(lines.size() - 1);
        assertTrue(ref.startsWith("exact-mnist-class-means (reference)")
                && ref.matches(".*\\s512\\s+512\\s+1\\.0x\\s.*\\s1\\.0x\\s.*0\\.0000  -$"), ref);
        assertTrue(plain.matches("exact-mnist-class-means\\s+4\\s+4\\s+128x\\s.*"), plain);
        String[] cols = plain.trim().split("\\s+");
        assertEquals("-", cols[cols.length - 1], "no report.json beside the model: no quality numbers");
        double rmse = Double.parseDouble(cols[cols.length - 2]);
        assertTrue(rmse > 0.01, plain);
        // the 4-step run is short, so it was timed again and again; its wall ratio stands beside 128x
        assertTrue(Integer.parseInt(cols[cols.length - 3]) > 1, plain);
        double faster = Double.parseDouble(cols[cols.length - 4].replace("x", ""));
        assertTrue(faster > 1, "4 steps run faster than 512: " + plain);
    }
}
