package org.pdviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.core.ddim.Ddim;
import org.pdviz.core.ddim.StartNoise;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.TestModels;
import org.pdviz.runtime.TestPaths;
import picocli.CommandLine;

class SampleCommandTest {

    static final Path GAUSSIANS8 = TestPaths.home().resolve("models/exact/exact-gaussians8.onnx");
    static final Path DIGITS = TestPaths.home().resolve("models/exact/exact-mnist-class-means.onnx");

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private static void assertCleanFailure(Run r, String... fragments) {
        assertEquals(1, r.status(), r.err());
        String line = r.err().strip();
        assertEquals(1, line.lines().count(), "one line, no stack trace: " + r.err());
        assertFalse(line.contains("\tat "), r.err());
        for (String f : fragments) {
            assertTrue(line.contains(f), "'" + f + "' in: " + line);
        }
    }

    private void assertNoOutput(Path out) throws Exception {
        if (Files.exists(out)) {
            try (var files = Files.list(out)) {
                assertEquals(0, files.count(), "nothing may be left in " + out);
            }
        }
    }

    @Test
    void writesTheDocumentedTrajectoryAndAPicture() throws Exception {
        Path out = dir.resolve("run");
        Run r = run("sample", "--model", GAUSSIANS8.toString(), "--steps", "8", "--seed", "3", "--count", "5",
                "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertNotNull(ImageIO.read(out.resolve("samples.png").toFile()));
        JsonNode j = new ObjectMapper().readTree(out.resolve("trajectory.json").toFile());
        assertEquals("exact-gaussians8", j.get("model").asText());
        assertEquals("x", j.get("parameterization").asText());
        assertEquals(8, j.get("steps").asInt());
        assertEquals(3, j.get("seed").asLong());
        assertFalse(j.get("clip").asBoolean());
        assertEquals("[5,2]", j.get("shape").toString());
        assertEquals("cosine", j.get("schedule").get("name").asText());
        assertEquals(-20.0, j.get("schedule").get("logSnrMin").asDouble());
        JsonNode frames = j.get("frames");
        assertEquals(8, frames.size());
        CosineSchedule s = CosineSchedule.CLIPPED;
        for (int k = 0; k < 8; k++) {
            JsonNode f = frames.get(k);
            assertEquals(k, f.get("index").asInt());
            double t = (8 - k) / 8.0;
            assertEquals(t, f.get("t").asDouble(), 1e-12);
            assertEquals((7 - k) / 8.0, f.get("s").asDouble(), 1e-12);
            assertEquals(s.alpha(t), f.get("alpha").asDouble(), 1e-12);
            assertEquals(s.sigma(t), f.get("sigma").asDouble(), 1e-12);
            assertEquals(s.logSnr(t), f.get("logSnr").asDouble(), 1e-9);
            assertEquals(s.phi(t), f.get("phi").asDouble(), 1e-12);
            for (String a : new String[] {"z", "xHat", "epsHat", "vHat"}) {
                assertEquals(10, f.get(a).size(), a);
            }
            if (k < 7) {
                // the next frame's z is this frame's DDIM step
                Ddim.Step step = Ddim.step(s.at(t), s.at((7 - k) / 8.0));
                for (int i = 0; i < 10; i++) {
                    double expected = step.apply(f.get("z").get(i).asDouble(), f.get("xHat").get(i).asDouble());
                    assertEquals(expected, frames.get(k + 1).get("z").get(i).asDouble(), 1e-5);
                }
            }
        }
        float[] z1 = StartNoise.batch(3, 0, 5, 2);
        for (int i = 0; i < 10; i++) {
            assertEquals(z1[i], frames.get(0).get("z").get(i).floatValue(), 0);
            assertEquals(frames.get(7).get("xHat").get(i).asDouble(), j.get("final").get(i).asDouble(), 0);
        }
        assertTrue(r.out().contains("8 steps"), r.out());
    }

    @Test
    void recordFinalLeavesFramesEmptyAndImagesGiveAGrid() throws Exception {
        Path out = dir.resolve("digits");
        Run r = run("sample", "--model", DIGITS.toString(), "--steps", "4", "--count", "4", "--clip", "--record",
                "final", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode j = new ObjectMapper().readTree(out.resolve("trajectory.json").toFile());
        assertEquals(0, j.get("frames").size());
        assertEquals("[4,1,28,28]", j.get("shape").toString());
        assertEquals(4 * 784, j.get("final").size());
        assertTrue(j.get("clip").asBoolean());
        for (JsonNode v : j.get("final")) {
            assertTrue(v.asDouble() >= -1 && v.asDouble() <= 1);
        }
        var img = ImageIO.read(out.resolve("samples.png").toFile());
        assertTrue(img.getWidth() > 2 * 56 && img.getHeight() > 2 * 56, "a 2x2 grid of 56-pixel tiles");
    }

    @Test
    void aStudentDefaultsToItsOwnSteps() throws Exception {
        Path model = TestModels.scaled(dir.resolve("student.onnx"), 0.5f, TestModels.pointsCard("student", "x", 4));
        Path out = dir.resolve("out");
        Run r = run("sample", "--model", model.toString(), "--count", "3", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(4, new ObjectMapper().readTree(out.resolve("trajectory.json").toFile()).get("steps").asInt());
    }

    @Test
    void aModelWithoutACardNeedsItsParameterization() throws Exception {
        Path model = TestModels.scaled(dir.resolve("nocard.onnx"), 0.5f, null);
        Path out = dir.resolve("out");
        assertCleanFailure(run("sample", "--model", model.toString(), "--steps", "4", "--out", out.toString()),
                "nocard.onnx", "no card", "--parameterization");
        assertNoOutput(out);
        Run ok = run("sample", "--model", model.toString(), "--steps", "4", "--parameterization", "eps", "--out",
                out.toString());
        assertEquals(0, ok.status(), ok.err());
        JsonNode j = new ObjectMapper().readTree(out.resolve("trajectory.json").toFile());
        assertEquals("eps", j.get("parameterization").asText());
        assertEquals("nocard", j.get("model").asText());
        Run info = run("info", model.toString());
        assertEquals(0, info.status());
        assertTrue(info.out().contains("card:    none"), info.out());
    }

    @Test
    void brokenFilesGetOneClearLine() throws Exception {
        Path out = dir.resolve("out");
        Path text = Files.writeString(dir.resolve("notes.onnx"), "this is not a model");
        assertCleanFailure(run("sample", "--model", text.toString(), "--steps", "4", "--out", out.toString()),
                "notes.onnx", "not a valid ONNX model");
        byte[] good = Files.readAllBytes(GAUSSIANS8);
        Path truncated = Files.write(dir.resolve("truncated.onnx"), Arrays.copyOf(good, good.length / 2));
        assertCleanFailure(run("sample", "--model", truncated.toString(), "--steps", "4", "--out", out.toString()),
                "truncated.onnx", "not a valid ONNX model");
        Path empty = Files.write(dir.resolve("empty.onnx"), new byte[0]);
        assertCleanFailure(run("sample", "--model", empty.toString(), "--out", out.toString()), "empty");
        assertCleanFailure(run("sample", "--model", dir.resolve("missing.onnx").toString(), "--out", out.toString()),
                "missing.onnx", "no such file");
        Path foreign = TestModels.foreignNames(dir.resolve("foreign.onnx"));
        assertCleanFailure(run("sample", "--model", foreign.toString(), "--parameterization", "v", "--out",
                out.toString()), "foreign.onnx", "'z' and 't'", "input", "timesteps");
        Path rank = TestModels.wrongRank(dir.resolve("rank.onnx"), TestModels.pointsCard("r", "v", null));
        assertCleanFailure(run("sample", "--model", rank.toString(), "--out", out.toString()), "rank.onnx",
                "input 'z' must have rank 2");
        assertCleanFailure(run("info", text.toString()), "not a valid ONNX model");
        assertNoOutput(out);
    }

    @Test
    void nanOutputsAreRefusedAndNothingIsWritten() throws Exception {
        Path model = TestModels.nan(dir.resolve("nan.onnx"), TestModels.pointsCard("nan", "x", null));
        Path out = dir.resolve("out");
        assertCleanFailure(run("sample", "--model", model.toString(), "--steps", "4", "--out", out.toString()),
                "non-finite", "t = 1.0");
        assertNoOutput(out);
    }

    @Test
    void badNumbersAndUnwritableOutputs() throws Exception {
        Path out = dir.resolve("out");
        assertCleanFailure(run("sample", "--model", GAUSSIANS8.toString(), "--steps", "0", "--out", out.toString()),
                "--steps must be at least 1");
        assertCleanFailure(run("sample", "--model", GAUSSIANS8.toString(), "--steps", "4", "--count", "-2", "--out",
                out.toString()), "--count must be at least 1");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertCleanFailure(run("sample", "--model", GAUSSIANS8.toString(), "--steps", "4", "--out",
                file.resolve("sub").toString()), "cannot create output folder");
        assertCleanFailure(run("sample", "--model", GAUSSIANS8.toString(), "--steps", "4", "--record", "some",
                "--out", out.toString()), "--record takes all or final");
        assertNoOutput(out);
    }

    @Test
    void cudaFallsBackToTheCpuWithOneLine() {
        Path out = dir.resolve("out");
        Run r = run("sample", "--model", GAUSSIANS8.toString(), "--steps", "2", "--count", "2", "--device", "cuda",
                "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("CUDA is not usable here") && r.err().contains("running on the CPU"), r.err());
        assertTrue(r.out().contains("on cpu"), r.out());
    }

    @Test
    void infoPrintsTheCardAsJson() throws Exception {
        Run r = run("info", GAUSSIANS8.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("exact-gaussians8", j.get("card").get("name").asText());
        assertTrue(j.get("card").get("steps").isNull());
        assertEquals("z", j.get("inputs").get(0).get("name").asText());
        assertEquals(2, j.get("inputs").size());
    }
}
