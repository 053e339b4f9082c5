package org.pdviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.runtime.DiffusersReference;
import org.pdviz.runtime.card.CardJson;

/**
 * The reference's numbers from the command line: diffusers' dummy model (a file without a card), its
 * side card and its deterministic start as a .npy file, sampled as DDIMScheduler's test full loop
 * samples them; and what the options and the start write into trajectory.json, and refuse.
 */
class ReferenceOptionsCliTest {

    @TempDir
    Path dir;

    Path model, deter;

    @BeforeEach
    void files() throws Exception {
        model = DiffusersReference.dummyModel(dir.resolve("dummy.onnx"), null);
        deter = DiffusersReference.npy(dir.resolve("deter.npy"), DiffusersReference.sampleDeter(), 4, 3, 8, 8);
    }

    private Path card(String parameterization, double betaStart) throws Exception {
        return Files.writeString(dir.resolve("card-" + parameterization + betaStart + ".json"),
                CardJson.write(DiffusersReference.card(parameterization, betaStart)));
    }

    private JsonNode sample(Path card, String... extra) throws Exception {
        Path out = Files.createTempDirectory(dir, "run");
        String[] args = {"sample", "--model", model.toString(), "--card", card.toString(), "--start", deter.toString(),
            "--steps", "10", "--spacing", "leading", "--clip", "--clip-style", "diffusers", "--out", out.toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        var r = SampleCommandTest.run(all);
        assertEquals(0, r.status(), r.err());
        return new ObjectMapper().readTree(out.resolve("trajectory.json").toFile());
    }

    private static double sumAbs(JsonNode j) {
        double s = 0;
        for (JsonNode v : j.get("final")) {
            s += Math.abs(v.asDouble());
        }
        return s;
    }

    @Test
    void theFullLoopsGiveDiffusersNumbers() throws Exception {
        // test_full_loop_no_noise, _with_v_prediction, _with_set_alpha_to_one, _with_no_set_alpha_to_one
        assertEquals(172.0067, sumAbs(sample(card("eps", 1e-4))), 1e-2);
        assertEquals(52.5302, sumAbs(sample(card("v", 1e-4))), 1e-2);
        assertEquals(149.8295, sumAbs(sample(card("eps", 0.01), "--final-alpha", "one")), 1e-2);
        assertEquals(149.0784, sumAbs(sample(card("eps", 0.01), "--final-alpha", "first")), 1e-2);
    }

    @Test
    void theTrajectoryRecordsTheStartAndTheOptions() throws Exception {
        JsonNode j = sample(card("eps", 1e-4), "--final-alpha", "first", "--step-to", "stride", "--count", "99",
                "--seed", "7");
        assertTrue(j.get("seed").isNull(), "a start file replaces the seed");
        assertEquals("[4,3,8,8]", j.get("shape").toString(), "and the count");
        assertEquals(deter.toString(), j.get("start").get("file").asText());
        assertEquals(64, j.get("start").get("sha256").asText().length());
        assertEquals("diffusers", j.get("clipStyle").asText());
        assertEquals("leading", j.get("spacing").asText());
        assertEquals(0, j.get("stepsOffset").asInt());
        assertEquals("first", j.get("finalAlpha").asText());
        assertEquals("stride", j.get("stepTo").asText());
        JsonNode frames = j.get("frames");
        assertEquals(900, frames.get(0).get("timestep").asInt());
        assertEquals(800, frames.get(0).get("toTimestep").asInt());
        assertEquals(0, frames.get(9).get("timestep").asInt());
        assertEquals(0, frames.get(9).get("toTimestep").asInt(), "set_alpha_to_one = False: the last step to alpha-bar_0");
        float[] start = DiffusersReference.sampleDeter();
        for (int i = 0; i < start.length; i++) {
            assertEquals(start[i], frames.get(0).get("z").get(i).floatValue(), 0, "z_1 is the start file");
        }
    }

    @Test
    void badStartsAndOptionsGetOneLineAndWriteNothing() throws Exception {
        Path c = card("eps", 1e-4);
        Path out = dir.resolve("never");
        Path wrong = DiffusersReference.npy(dir.resolve("wrong.npy"), new float[4 * 3 * 8 * 7], 4, 3, 8, 7);
        Path nan = DiffusersReference.npy(dir.resolve("nan.npy"), withNan(), 4, 3, 8, 8);
        Path bytes = Files.write(dir.resolve("bytes.npy"), npyBytes());
        String[][] cases = {
            {"--start", wrong.toString(), "wrong.npy", "shape [4, 3, 8, 7]", "[B, 3, 8, 8]"},
            {"--start", nan.toString(), "nan.npy", "entry [1, 0, 0, 0]", "not a finite number"},
            {"--start", bytes.toString(), "bytes.npy", "element type u1", "float32 or float64"},
            {"--start", dir.resolve("missing.npy").toString(), "missing.npy"},
            {"--spacing", "cosine", "timestep spacing 'cosine'", "expected one of [trailing, leading, linspace]"},
            {"--steps-offset", "1", "leading spacing only"},
            {"--final-alpha", "zero", "final alpha 'zero'"},
            {"--clip-style", "torch", "clip style 'torch'"},
            {"--steps", "1001", "at most 1000 steps"},
        };
        for (String[] k : cases) {
            String[] base = {"sample", "--model", model.toString(), "--card", c.toString(), "--out", out.toString()};
            String[] args = java.util.Arrays.copyOf(base, base.length + 2);
            args[base.length] = k[0];
            args[base.length + 1] = k[1];
            var r = SampleCommandTest.run(args);
            assertEquals(1, r.status(), String.join(" ", k) + ": " + r.out() + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            for (int i = 2; i < k.length; i++) {
                assertTrue(r.err().contains(k[i]), "'" + k[i] + "' in: " + r.err());
            }
            assertFalse(Files.exists(out.resolve("trajectory.json")), "nothing written for " + k[0]);
        }
        // the cosine schedule has one grid
        var cosine = SampleCommandTest.run("sample", "--model", SampleCommandTest.GAUSSIANS8.toString(), "--spacing",
                "leading", "--out", out.toString());
        assertEquals(1, cosine.status());
        assertTrue(cosine.err().contains("the cosine schedule samples t = i/N"), cosine.err());
    }

    @Test
    void compareEvalAndExportTakeTheOptions() throws Exception {
        Path c = card("eps", 1e-4);
        Path empty = Files.createDirectories(dir.resolve("library"));
        var cmp = SampleCommandTest.run("compare", "--model", model.toString(), "--card", c.toString(), "--models",
                empty.toString(), "--start", deter.toString(), "--spacing", "linspace", "--step-to", "stride");
        assertEquals(0, cmp.status(), cmp.err());
        assertTrue(cmp.out().contains("start " + deter + ", 4 samples per sampler"), cmp.out());
        var ev = SampleCommandTest.run("eval", "--teacher", model.toString(), "--card", c.toString(), "--steps", "2,10",
                "--samples", "16", "--bootstrap", "5", "--spacing", "leading", "--final-alpha", "first", "--out",
                dir.resolve("eval").toString());
        assertEquals(0, ev.status(), ev.err());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("eval/report.json").toFile());
        assertEquals("spacing leading, final alpha first", report.get("settings").get("sampler").asText());
        var ex = SampleCommandTest.run("export", "--model", model.toString(), "--card", c.toString(), "--start",
                deter.toString(), "--steps", "10", "--spacing", "leading", "--frames", "3", "--out",
                dir.resolve("export").toString());
        assertEquals(0, ex.status(), ex.err());
        assertTrue(Files.exists(dir.resolve("export/sampling-0002.png")));
        var phi = SampleCommandTest.run("export", "--model", model.toString(), "--card", c.toString(), "--what", "phi",
                "--spacing", "leading", "--out", dir.resolve("phi").toString());
        assertEquals(1, phi.status());
        assertTrue(phi.err().contains("apply to --what sampling"), phi.err());
    }

    private static float[] withNan() {
        float[] v = DiffusersReference.sampleDeter();
        v[3 * 8 * 8] = Float.NaN;
        return v;
    }

    /** A .npy of unsigned bytes with the right shape. */
    private static byte[] npyBytes() {
        String dict = "{'descr': '|u1', 'fortran_order': False, 'shape': (4, 3, 8, 8), }";
        String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + header.length() + 768)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        return b.array();
    }
}
