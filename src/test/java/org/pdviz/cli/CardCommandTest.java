package org.pdviz.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.pdviz.runtime.DiscreteModels;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.onnx.OnnxGraph;

/**
 * A diffusers-style file without a card (inputs "sample" and "timestep", int64 index) opened with a
 * side card, given a card by {@code pdviz card}, and used by every command that takes a model.
 */
class CardCommandTest {

    @TempDir
    Path dir;

    Path bare, side;

    static final String SIDE = "{\"name\": \"ddpm-gaussian\", \"dataset\": \"ddpm-gaussian\", \"parameterization\": \"eps\","
            + " \"schedule\": {\"name\": \"discrete\", \"betas\": \"linear\", \"betaStart\": 0.0001, \"betaEnd\": 0.02,"
            + " \"timesteps\": 1000}, \"timeInput\": \"index\", \"inputs\": {\"z\": \"sample\", \"t\": \"timestep\"},"
            + " \"description\": \"an exact Gaussian denoiser in diffusers' conventions\"}";

    @BeforeEach
    void files() throws Exception {
        ModelCard card = CardJson.readFile(Files.writeString(dir.resolve("side.json"), SIDE));
        double[] table = ((org.pdviz.core.schedule.DiscreteSchedule) card.scheduleValue()).alphaBar();
        bare = DiscreteModels.gaussian(dir.resolve("bare.onnx"), table, DiscreteModels.Time.INT64_INDEX, null);
        side = dir.resolve("side.json");
    }

    private static void oneLine(SampleCommandTest.Run r, String... fragments) {
        assertEquals(1, r.status(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' in: " + r.err());
        }
    }

    @Test
    void theCardRoundTripsIntoACopyWithTheGraphUntouched() throws Exception {
        Path withCard = dir.resolve("with-card.onnx");
        var w = SampleCommandTest.run("card", "--model", bare.toString(), "--card", side.toString(), "--out",
                withCard.toString());
        assertEquals(0, w.status(), w.err());
        assertTrue(w.out().contains("discrete, linear betas 0.0001 to 0.02, T = 1000"), w.out());
        assertEquals(OnnxGraph.read(bare).getGraph(), OnnxGraph.read(withCard).getGraph(), "the graph is untouched");

        var printed = SampleCommandTest.run("card", "--model", withCard.toString());
        assertEquals(0, printed.status(), printed.err());
        ModelCard back = CardJson.read(printed.out());
        assertEquals("index", back.timeInput());
        assertEquals(new ModelCard.Inputs("sample", "timestep"), back.inputs());
        assertEquals("linear", back.schedule().betas());
        assertArrayEquals(new int[] {2}, back.dataShape(), "completed from the graph");
        assertEquals("an exact Gaussian denoiser in diffusers' conventions", back.description());

        // sampling the copy equals sampling the bare file with the side card
        Path a = dir.resolve("a"), b = dir.resolve("b");
        var ra = SampleCommandTest.run("sample", "--model", withCard.toString(), "--steps", "10", "--count", "6",
                "--out", a.toString());
        var rb = SampleCommandTest.run("sample", "--model", bare.toString(), "--card", side.toString(), "--steps", "10",
                "--count", "6", "--out", b.toString());
        assertEquals(0, ra.status(), ra.err());
        assertEquals(0, rb.status(), rb.err());
        JsonNode ja = new ObjectMapper().readTree(a.resolve("trajectory.json").toFile());
        JsonNode jb = new ObjectMapper().readTree(b.resolve("trajectory.json").toFile());
        assertEquals(ja.get("final"), jb.get("final"));
        assertEquals("discrete", ja.get("schedule").get("name").asText());
        assertEquals(1000, ja.get("schedule").get("alphasCumprod").size());
        assertEquals(999, ja.get("frames").get(0).get("timestep").asInt());
        assertEquals(1.0, ja.get("frames").get(0).get("t").asDouble());
        assertEquals(99, ja.get("frames").get(9).get("timestep").asInt());
        assertEquals(0.1, ja.get("frames").get(9).get("t").asDouble(), 1e-12);

        var info = SampleCommandTest.run("info", withCard.toString());
        assertEquals(0, info.status(), info.err());
        assertTrue(info.out().contains("schedule: discrete, linear betas 0.0001 to 0.02, T = 1000"), info.out());
        assertTrue(info.out().contains("input 'timestep' takes index"), info.out());
        // a printed card is a side card as it is (older cards also carry a derived "student" field)
        Path printedCard = Files.writeString(dir.resolve("printed.json"), printed.out().replaceFirst("\\{",
                "{\"student\": false,"));
        var again = SampleCommandTest.run("card", "--model", bare.toString(), "--card", printedCard.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(back, CardJson.read(again.out()));
        assertFalse(printed.out().contains("\"student\""), "cards no longer carry the derived 'student'");
        var infoSide = SampleCommandTest.run("info", bare.toString(), "--card", side.toString());
        assertTrue(infoSide.out().contains("name:    ddpm-gaussian"), infoSide.out());
    }

    @Test
    void badCardsAndRequestsGetOneLine() throws Exception {
        oneLine(SampleCommandTest.run("card", "--model", bare.toString()), "has no card", "--card");
        oneLine(SampleCommandTest.run("sample", "--model", bare.toString(), "--parameterization", "eps", "--out",
                dir.resolve("x").toString()), "not named 'z' and 't'", "\"z\": \"sample\"");
        Path typo = Files.writeString(dir.resolve("typo.json"), SIDE.replace("\"timeInput\"", "\"timeinput\""));
        oneLine(SampleCommandTest.run("sample", "--model", bare.toString(), "--card", typo.toString(), "--out",
                dir.resolve("x").toString()), "typo.json", "unknown field 'timeinput'");
        Path wrong = Files.writeString(dir.resolve("wrong.json"), SIDE.replace("\"index\"", "\"t\""));
        oneLine(SampleCommandTest.run("card", "--model", bare.toString(), "--card", wrong.toString(), "--out",
                dir.resolve("never.onnx").toString()), "timeInput", "'index' or 'logSnr'");
        assertFalse(Files.exists(dir.resolve("never.onnx")), "nothing is written for a bad card");
        oneLine(SampleCommandTest.run("sample", "--model", bare.toString(), "--card", side.toString(), "--steps",
                "1001", "--out", dir.resolve("x").toString()), "at most 1000 steps");
        oneLine(SampleCommandTest.run("distill", "--teacher", bare.toString(), "--card", side.toString(), "--to", "2",
                "--from", "4", "--iterations-per-round", "10", "--family", "mlp", "--out", dir.resolve("d").toString()),
                "distillation needs continuous time", "discrete");
    }

    @Test
    void compareEvalAndExportTakeTheModel() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("library"));
        var c = SampleCommandTest.run("compare", "--model", bare.toString(), "--card", side.toString(), "--models",
                empty.toString(), "--count", "8");
        assertEquals(0, c.status(), c.err());
        assertTrue(c.out().contains("ddpm-gaussian (reference)"), c.out());
        assertTrue(c.out().lines().anyMatch(l -> l.contains("ddpm-gaussian") && l.contains(" 512 ")), c.out());

        var e = SampleCommandTest.run("eval", "--teacher", bare.toString(), "--card", side.toString(), "--steps",
                "2,16", "--samples", "64", "--bootstrap", "5", "--out", dir.resolve("eval").toString());
        assertEquals(0, e.status(), e.err());
        assertTrue(Files.isRegularFile(dir.resolve("eval/report.json")));

        var x = SampleCommandTest.run("export", "--model", bare.toString(), "--card", side.toString(), "--what", "phi",
                "--steps", "64", "--count", "32", "--frames", "2", "--out", dir.resolve("phi").toString());
        assertEquals(0, x.status(), x.err());
        assertTrue(Files.exists(dir.resolve("phi/phi-0001.png")));
    }
}
