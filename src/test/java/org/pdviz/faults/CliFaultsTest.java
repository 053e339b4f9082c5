package org.pdviz.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdviz.faults.Faults.assertAbsent;
import static org.pdviz.faults.Faults.assertOneLine;
import static org.pdviz.faults.Faults.assertUntouched;
import static org.pdviz.faults.Faults.cli;
import static org.pdviz.faults.Faults.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.runtime.TestModels;
import org.pdviz.runtime.TestPaths;

/** Bad input to the command line: one line naming the file or option, status 1 (2 for usage), nothing left. */
class CliFaultsTest {

    static final Path MOONS = TestPaths.home().resolve("models/moons/teacher.onnx");
    static final Path G8 = TestPaths.home().resolve("models/exact/exact-gaussians8.onnx");
    static final Path DIGITS = TestPaths.home().resolve("models/exact/exact-mnist-class-means.onnx");

    @TempDir
    Path dir;

    private Faults.Cli sample(Path model, Path out, String... more) {
        String[] args = new String[6 + more.length];
        System.arraycopy(new String[] {"sample", "--model", model.toString(), "--out", out.toString(), "--count"}, 0,
                args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        return cli(args);
    }

    /** Defect 1: the file used to pass, then break the window; now it is refused on load, naming the fields. */
    @Test
    void aCardWithLogSnrMinAboveLogSnrMaxIsRefusedOnLoad() throws Exception {
        Path m = CraftedModels.points(dir.resolve("m.onnx"), CraftedModels.pointsCard("m", null, "schedule",
                "{\"name\": \"cosine\", \"logSnrMin\": 20, \"logSnrMax\": -20}"));
        Path out = dir.resolve("out");
        assertOneLine(sample(m, out, "4", "--steps", "4"), 1, "'m.onnx'", "card", "logSnrMin 20.0", "logSnrMax -20.0");
        assertAbsent(out);
    }

    /** Defect 6: steps <= 0 is the card's fault, and the message says so (not --steps, which was never given). */
    @Test
    void aCardWithStepsBelowOneIsRefusedNamingTheCard() throws Exception {
        for (int steps : new int[] {0, -3}) {
            Path m = CraftedModels.points(dir.resolve("s" + (steps + 3) + ".onnx"),
                    CraftedModels.pointsCard("s", steps, null, null));
            Path out = dir.resolve("out");
            String line = assertOneLine(sample(m, out, "4"), 1, m.getFileName().toString(), "its card",
                    "steps is " + steps);
            assertFalse(line.contains("--steps"), line);
            assertAbsent(out);
        }
    }

    /** Defect 10: a wrong type is not "not valid JSON": the field, nested or not, and what it should be. */
    @Test
    void aWrongTypeInACardNamesTheFieldAndTheExpectedType() throws Exception {
        Path steps = CraftedModels.points(dir.resolve("steps.onnx"), CraftedModels.pointsCard("x", 4, "steps",
                "\"four\""));
        assertOneLine(sample(steps, dir.resolve("o"), "4"), 1, "'steps.onnx'", "'steps'", "a whole number", "four");
        Path snr = CraftedModels.points(dir.resolve("snr.onnx"), CraftedModels.pointsCard("x", null, "schedule.logSnrMin",
                "\"low\""));
        assertOneLine(sample(snr, dir.resolve("o"), "4"), 1, "'snr.onnx'", "'schedule.logSnrMin'", "a number");
        Path shape = CraftedModels.points(dir.resolve("shape.onnx"), CraftedModels.pointsCard("x", null, "dataShape",
                "{\"d\": 2}"));
        assertOneLine(sample(shape, dir.resolve("o"), "4"), 1, "'shape.onnx'", "'dataShape'", "a list", "an object");
        assertAbsent(dir.resolve("o"));
    }

    /** Defect 10: the card's data range and schedule errors name the file and the field. */
    @Test
    void cardRangeScheduleAndParameterizationErrorsNameTheFile() throws Exception {
        Map<String, String[]> cases = Map.of(
                "dataRange", new String[] {"[1.0, -1.0]", "dataRange [1.0, -1.0]"},
                "schedule", new String[] {"{\"name\": \"linear\", \"logSnrMin\": -20, \"logSnrMax\": 20}",
                        "schedule 'linear' is not supported"},
                "parameterization", new String[] {"\"velocity\"", "parameterization 'velocity'"},
                "dataShape", new String[] {"[0]", "dataShape [0]"});
        for (var c : cases.entrySet()) {
            Path m = CraftedModels.points(dir.resolve(c.getKey() + ".onnx"), CraftedModels.pointsCard("x", null,
                    c.getKey(), c.getValue()[0]));
            assertOneLine(sample(m, dir.resolve("o"), "4"), 1, "'" + c.getKey() + ".onnx'", c.getValue()[1]);
        }
        Path notJson = CraftedModels.points(dir.resolve("garbled.onnx"), "{\"name\": \"x\", ");
        assertOneLine(sample(notJson, dir.resolve("o"), "4"), 1, "'garbled.onnx'", "not valid JSON");
        assertAbsent(dir.resolve("o"));
    }

    /** Defect 4: a card's parameterization is not silently overridden; the same value is no conflict. */
    @Test
    void aParameterizationThatContradictsTheCardIsRefused() throws Exception {
        Path out = dir.resolve("out");
        assertOneLine(sample(MOONS, out, "4", "--steps", "2", "--parameterization", "eps"), 1, "'teacher.onnx'",
                "--parameterization eps", "the card says v");
        assertAbsent(out);
        assertOneLine(sample(G8, out, "4", "--steps", "2", "--shape", "3"), 1, "--shape [3]", "the card says [2]");
        assertAbsent(out);
        Faults.Cli same = sample(MOONS, out, "4", "--steps", "2", "--parameterization", "v");
        assertEquals(0, same.status(), same.err());
    }

    /** Defect 5: a fixed batch is read from the graph: batch 1 (and 8, padded) give the dynamic model's samples. */
    @Test
    void aFixedBatchDimensionIsSampledInChunksOfIt() throws Exception {
        String card = CraftedModels.pointsCard("p", null, null, null);
        Path free = CraftedModels.points(dir.resolve("free.onnx"), "B", card, 1, false);
        Path one = CraftedModels.points(dir.resolve("one.onnx"), 1, card, 1, false);
        Path eight = CraftedModels.points(dir.resolve("eight.onnx"), 8, card, 1, false);
        float[] expected = finalOf(free, "13");
        assertArrayEquals(expected, finalOf(one, "13"));
        assertArrayEquals(expected, finalOf(eight, "13"));
    }

    private float[] finalOf(Path model, String count) throws Exception {
        Path out = dir.resolve("run-" + model.getFileName());
        Faults.Cli r = sample(model, out, count, "--steps", "3", "--seed", "5");
        assertEquals(0, r.status(), r.err());
        JsonNode fin = new ObjectMapper().readTree(out.resolve("trajectory.json").toFile()).get("final");
        float[] v = new float[fin.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = fin.get(i).floatValue();
        }
        return v;
    }

    /** Defect 5: a fixed batch of a million fails on load with a clear line; ONNX Runtime's words are not cut. */
    @Test
    void aHugeFixedBatchIsRefusedOnLoad() throws Exception {
        Path huge = CraftedModels.points(dir.resolve("huge.onnx"), 1_000_000, CraftedModels.pointsCard("h", null, null,
                null), 1, false);
        Path out = dir.resolve("out");
        assertOneLine(sample(huge, out, "4"), 1, "'huge.onnx'", "fixes the batch at 1000000", "dynamic batch");
        assertAbsent(out);
        assertOneLine(cli("info", huge.toString()), 1, "fixes the batch");
    }

    /** Defect 7: a mistyped command line is one line and a hint to --help, not 31 lines of usage. */
    @Test
    void usageErrorsAreOneLineWithAHintToHelp() {
        assertOneLine(cli("sample", "--model", MOONS.toString(), "--out", "o", "--seed", "abc"), 2,
                "--seed", "'abc' is not a whole number", "pdviz sample --help");
        assertOneLine(cli("sample", "--model", MOONS.toString(), "--out", "o", "--sed", "3"), 2, "--sed",
                "pdviz sample --help");
        assertOneLine(cli("sample", "--out", "o"), 2, "--model", "pdviz sample --help");
        assertOneLine(cli("sampel"), 2, "sampel", "did you mean sample", "pdviz --help");
        assertOneLine(cli("eval", "--teacher", G8.toString(), "--samples", "many", "--out", "o"), 2, "--samples",
                "pdviz eval --help");
        assertAbsent(Path.of("o"));
    }

    /** Defect 11: a failed run leaves no --out folder, not even the parents it would have made. */
    @Test
    void aFailedRunLeavesNoEmptyOutputFolder() throws Exception {
        Path out = dir.resolve("a/b/c");
        assertOneLine(sample(dir.resolve("missing.onnx"), out, "4"), 1, "'missing.onnx'", "no such file");
        assertAbsent(dir.resolve("a"));
        Path nan = CraftedModels.points(dir.resolve("nan.onnx"), "B", CraftedModels.pointsCard("n", null, null, null),
                1, true);
        assertOneLine(sample(nan, out, "4", "--steps", "3"), 1, "non-finite");
        assertAbsent(dir.resolve("a"));
        assertOneLine(cli("eval", "--teacher", dir.resolve("missing.onnx").toString(), "--out", out.toString()), 1,
                "missing.onnx");
        assertAbsent(dir.resolve("a"));
        assertOneLine(cli("export", "--model", nan.toString(), "--what", "sampling", "--steps", "2", "--out",
                out.toString()), 1, "non-finite");
        assertAbsent(dir.resolve("a"));
    }

    /** Defect 12: info shows what it can, names the problems in one line and exits 1. */
    @Test
    void infoExitsNonZeroOnFilesThatBreakTheContract() throws Exception {
        Path names = TestModels.foreignNames(dir.resolve("names.onnx"));
        Path two = CraftedModels.points(dir.resolve("two.onnx"), "B", CraftedModels.pointsCard("t", null, null, null),
                2, false);
        Path card = CraftedModels.points(dir.resolve("card.onnx"), CraftedModels.pointsCard("c", 0, null, null));
        Map<Path, String> problem = Map.of(two, "exactly one output, found 2", card, "steps is 0");
        for (var c : problem.entrySet()) {
            Faults.Cli r = cli("info", c.getKey().toString());
            assertOneLine(r, 1, "'" + c.getKey().getFileName() + "'", c.getValue());
            assertTrue(r.out().contains("input:") && r.out().contains("output:"), "shows the signature: " + r.out());
        }
        // a card-less graph with other input names is not broken: a card naming them makes it usable
        Faults.Cli renamed = cli("info", names.toString());
        assertEquals(0, renamed.status(), renamed.err());
        assertTrue(renamed.out().contains("not named 'z' and 't'") && renamed.out().contains("\"z\": \"input\""),
                renamed.out());
        Faults.Cli json = cli("info", two.toString(), "--json");
        assertEquals(1, json.status());
        assertTrue(new ObjectMapper().readTree(json.out()).get("problems").get(0).asText().contains("one output"));
        Faults.Cli good = cli("info", MOONS.toString());
        assertEquals(0, good.status(), good.err());
        assertEquals("", good.err());
    }

    /** Files that are not what their extension says: a picture, a JSON file, a folder, each named .onnx. */
    @Test
    void filesThatAreNotWhatTheirExtensionSaysAreRefused() throws Exception {
        Path png = Files.copy(TestPaths.home().resolve("models/moons/report.png"), dir.resolve("picture.onnx"));
        Path json = Files.copy(TestPaths.home().resolve("models/moons/summary.json"), dir.resolve("summary.onnx"));
        Path folder = Files.createDirectory(dir.resolve("folder.onnx"));
        Path out = dir.resolve("out");
        assertOneLine(sample(png, out, "4"), 1, "'picture.onnx'", "not a valid ONNX model");
        assertOneLine(sample(json, out, "4"), 1, "'summary.onnx'", "not a valid ONNX model");
        assertOneLine(sample(folder, out, "4"), 1, "'folder.onnx'", "not a regular file");
        assertOneLine(cli("info", png.toString()), 1, "'picture.onnx'", "not a valid ONNX model");
        assertOneLine(cli("eval", "--teacher", DIGITS.toString(), "--features", png.toString(), "--out",
                out.toString()), 1, "'picture.onnx'", "not a readable ONNX model");
        assertOneLine(cli("distill", "--teacher", json.toString(), "--to", "2", "--iterations-per-round", "1",
                "--out", out.toString()), 1, "'summary.onnx'", "not a valid ONNX model");
        assertOneLine(cli("train", "--init", png.toString(), "--iterations", "1", "--out",
                out.resolve("t.onnx").toString()), 1, "picture.onnx");
        Path nocard = CraftedModels.points(dir.resolve("nocard.onnx"), null);
        assertOneLine(cli("train", "--init", nocard.toString(), "--iterations", "1", "--out",
                out.resolve("t.onnx").toString()), 1, "nocard.onnx");
        assertAbsent(out);
    }

    /** Inputs larger than memory: refused before any work, with the numbers and what to change. */
    @Test
    void aSampleLargerThanMemoryIsRefusedWithTheNumbers() throws Exception {
        Path out = dir.resolve("out");
        long t0 = System.nanoTime();
        String line = assertOneLine(sample(MOONS, out, "1000000000", "--steps", "4", "--record", "final"), 1,
                "1000000000 samples", "needs about", "GB of memory", "--count", "-Xmx");
        assertTrue((System.nanoTime() - t0) / 1e9 < 20, "refused before sampling: " + line);
        assertAbsent(out);
        assertOneLine(cli("eval", "--teacher", G8.toString(), "--samples", "1000000000", "--out", out.toString()), 1,
                "evaluating 1000000000 samples", "GB of memory", "--samples");
        assertOneLine(cli("export", "--model", DIGITS.toString(), "--what", "sampling", "--steps", "512", "--count",
                "100000", "--out", out.toString()), 1, "recording 512 steps of 100000 samples", "GB of memory",
                "--count");
        assertOneLine(cli("compare", "--model", G8.toString(), "--count", "2000000000"), 1, "GB of memory",
                "smaller batch");
        assertAbsent(out);
    }

    /**
     * A batch fixed inside the graph (a Reshape to [1, 2]) while the inputs say B: the engine's shape
     * inference shows it in the output's signature, which is read, so the model is run one sample at a time.
     */
    @Test
    void aBatchFixedInsideTheGraphIsReadFromItsSignature() throws Exception {
        org.pdviz.runtime.onnx.OnnxGraph g = new org.pdviz.runtime.onnx.OnnxGraph("hidden");
        g.input("z", "B", 2);
        g.input("t", "B");
        g.opNamed("out", "Reshape", Map.of(), "z", g.axes("shape", 1, 2));
        g.output("out", "B", 2);
        Path m = dir.resolve("hidden.onnx");
        org.pdviz.runtime.onnx.OnnxGraph.write(g.model("test", Map.of(org.pdviz.runtime.card.ModelCard.METADATA_KEY,
                CraftedModels.pointsCard("hidden", null, null, null))), m);
        assertEquals(1, org.pdviz.runtime.Contract.fixedBatch(org.pdviz.runtime.OnnxDenoiser.inspect(m).signature()));
        assertEquals(6, finalOf(m, "3").length);
        // ONNX Runtime's own multi-line messages are kept whole, in one line
        assertEquals("Got invalid dimensions for input: z for the following indices index: 0 Got: 64 Expected: 1"
                + " Please fix either the inputs/outputs or the model.", org.pdviz.runtime.ModelFileException.oneLine(
                "Got invalid dimensions for input: z for the following indices\n index: 0 Got: 64 Expected: 1\n"
                + " Please fix either the inputs/outputs or the model."));
    }

    /** Frames that would not fit on the disk (a million steps recorded) are refused with the numbers. */
    @Test
    void framesLargerThanTheDiskAreRefusedWithTheNumbers() throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.writeString(out.resolve("trajectory.json"), "{\"an\": \"earlier run\"}");
        var before = snapshot(out);
        assertOneLine(sample(DIGITS, out, "20000", "--steps", "1000000"), 1, "every frame recorded",
                "would write about", "free", "--record final");
        assertUntouched(before, out);
    }

    /** Defect 8: one NaN-producing student is marked failed in the report, with the reason; the rest is kept. */
    @Test
    void aStudentThatReturnsNanIsAFailedRunInTheReport() throws Exception {
        Path students = Files.createDirectory(dir.resolve("students"));
        String good = CraftedModels.pointsCard("student-4", 4, "dataset", "\"gaussians8\"");
        String nan = CraftedModels.pointsCard("student-2", 2, "dataset", "\"gaussians8\"");
        CraftedModels.points(students.resolve("student-4.onnx"), good);
        CraftedModels.points(students.resolve("student-2.onnx"), "B", nan, 1, true);
        Files.writeString(students.resolve("student-1.onnx"), "not a model");
        Path out = dir.resolve("eval");
        Faults.Cli r = cli("eval", "--teacher", G8.toString(), "--students", students.toString(), "--steps", "2,4",
                "--samples", "40", "--bootstrap", "3", "--exact", "none", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode runs = report.get("students");
        assertEquals(2, runs.size(), runs.toString());
        JsonNode failed = runs.get(0), ok = runs.get(1);
        assertEquals("student-2", failed.get("model").asText());
        assertTrue(failed.get("failed").asText().contains("non-finite"), failed.toString());
        assertEquals(0, failed.get("metrics").size());
        assertEquals("student-4", ok.get("model").asText());
        assertTrue(ok.get("failed").isNull());
        assertTrue(ok.get("metrics").has("swd"));
        String notes = report.get("notes").toString();
        assertTrue(notes.contains("student-1.onnx") && notes.contains("not a valid ONNX model"), notes);
        assertTrue(notes.contains("student-2.onnx failed"), notes);
        assertTrue(r.out().contains("failed: "), r.out());
        assertTrue(Files.size(out.resolve("report.png")) > 0);
    }

    /** The commands that list things: a missing folder is an error; bad files are listed as skipped, one line each. */
    @Test
    void listingCommandsNameWhatTheyCannotUse() throws Exception {
        assertOneLine(cli("models", dir.resolve("nowhere").toString()), 1, "nowhere", "is not a folder");
        Path models = Files.createDirectory(dir.resolve("models"));
        CraftedModels.points(models.resolve("good.onnx"), CraftedModels.pointsCard("good", null, null, null));
        CraftedModels.points(models.resolve("bad.onnx"), CraftedModels.pointsCard("bad", 0, null, null));
        Faults.Cli r = cli("models", models.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("good"), r.out());
        assertOneLine(r.err(), "skipped", "'bad.onnx'", "steps is 0");
        Faults.Cli exact = cli("exact");
        assertOneLine(exact, 1, "pdviz exact:", "--preset");
        assertTrue(exact.out().contains("gaussians8"), exact.out());
    }
}
