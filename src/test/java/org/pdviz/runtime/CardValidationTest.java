package org.pdviz.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.core.model.TimeInput;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.DiscreteSchedule;
import org.pdviz.runtime.card.CardException;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.card.ModelCard;

/** Side cards: every field validated, every message naming the file and the field. */
class CardValidationTest {

    @TempDir
    Path dir;

    private ModelCard read(String json) throws Exception {
        return CardJson.readFile(Files.writeString(dir.resolve("card.json"), json));
    }

    private void refused(String json, String... fragments) throws Exception {
        CardException e = assertThrows(CardException.class, () -> read(json), json);
        assertTrue(e.getMessage().contains("card.json"), "names the file: " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' in: " + e.getMessage());
        }
    }

    @Test
    void discreteSchedulesAreReadInTheirThreeForms() throws Exception {
        ModelCard betas = read("{\"schedule\": {\"name\": \"discrete\", \"betas\": \"scaled_linear\", "
                + "\"betaStart\": 0.00085, \"betaEnd\": 0.012, \"timesteps\": 1000}, \"timeInput\": \"index\"}");
        DiscreteSchedule s = (DiscreteSchedule) betas.scheduleValue();
        assertEquals(1000, s.timesteps());
        assertEquals(TimeInput.INDEX, betas.timeInputValue());
        ModelCard cos = read("{\"schedule\": {\"name\": \"discrete\", \"betas\": \"squaredcos_cap_v2\", "
                + "\"timesteps\": 50}}");
        assertEquals(50, ((DiscreteSchedule) cos.scheduleValue()).timesteps());
        assertEquals(TimeInput.INDEX, cos.timeInputValue(), "a discrete schedule defaults to the index");
        ModelCard table = read("{\"schedule\": {\"name\": \"discrete\", \"alphasCumprod\": [0.99, 0.9, 0.5, 0.1]},"
                + " \"timeInput\": \"logSnr\", \"inputs\": {\"z\": \"sample\", \"t\": \"timestep\"}}");
        assertEquals(4, table.scheduleValue().maxSteps());
        assertEquals(new ModelCard.Inputs("sample", "timestep"), table.inputsValue());
        ModelCard partial = read("{\"parameterization\": \"v\"}");
        assertEquals(CosineSchedule.CLIPPED, partial.scheduleValue());
        assertEquals(ModelCard.Inputs.CONTRACT, partial.inputsValue());
    }

    @Test
    void badSchedulesNameTheirField() throws Exception {
        refused("{\"schedule\": {\"name\": \"linear\"}}", "schedule 'linear' is not supported", "cosine or discrete");
        refused("{\"schedule\": {\"name\": \"discrete\", \"betas\": \"quadratic\", \"timesteps\": 10, "
                + "\"betaStart\": 0.1, \"betaEnd\": 0.2}}", "schedule.betas", "quadratic");
        refused("{\"schedule\": {\"name\": \"discrete\", \"betas\": \"linear\", \"betaStart\": 0.0001, "
                + "\"betaEnd\": 0.02}}", "schedule.timesteps");
        refused("{\"schedule\": {\"name\": \"discrete\", \"betas\": \"linear\", \"betaStart\": 0.0001, "
                + "\"timesteps\": 1000}}", "schedule.betaEnd");
        refused("{\"schedule\": {\"name\": \"discrete\", \"betas\": \"linear\", \"betaStart\": 1.5, "
                + "\"betaEnd\": 0.02, \"timesteps\": 1000}}", "schedule.betaStart", "1.5");
        refused("{\"schedule\": {\"name\": \"discrete\", \"timesteps\": 1000}}", "schedule.betas");
        refused("{\"schedule\": {\"name\": \"discrete\", \"alphasCumprod\": [0.5, 0.7]}}", "schedule.alphasCumprod",
                "entry 1");
        refused("{\"schedule\": {\"name\": \"discrete\", \"alphasCumprod\": [0.9, 0.5], \"timesteps\": 3}}",
                "schedule.timesteps");
        refused("{\"schedule\": {\"name\": \"cosine\", \"timesteps\": 1000}}", "timesteps", "cosine");
        refused("{\"schedule\": {\"name\": \"cosine\", \"logSnrMin\": 5, \"logSnrMax\": -5}}",
                "logSnrMin < logSnrMax");
        refused("{\"schedule\": {\"name\": \"discrete\", \"betas\": \"squaredcos_cap_v2\", \"timesteps\": 10, "
                + "\"betaStart\": 0.1}}", "betaStart", "squaredcos_cap_v2");
    }

    @Test
    void timeInputsNamesAndStepsMustFitTheSchedule() throws Exception {
        refused("{\"timeInput\": \"seconds\"}", "timeInput", "expected one of [t, index, logSnr]");
        refused("{\"schedule\": {\"name\": \"cosine\"}, \"timeInput\": \"index\"}", "timeInput", "discrete");
        refused("{\"schedule\": {\"name\": \"discrete\", \"alphasCumprod\": [0.9, 0.5]}, \"timeInput\": \"t\"}",
                "timeInput", "'index' or 'logSnr'");
        refused("{\"inputs\": {\"z\": \"x\", \"t\": \"x\"}}", "inputs", "two different");
        refused("{\"schedule\": {\"name\": \"discrete\", \"alphasCumprod\": [0.9, 0.5]}, \"steps\": 3}", "steps is 3",
                "at most 2 sampling steps");
    }

    @Test
    void unknownFieldsWrongTypesAndBrokenJsonAreRefused() throws Exception {
        refused("{\"timeinput\": \"index\"}", "unknown field 'timeinput'");
        refused("{\"schedule\": {\"name\": \"discrete\", \"beta\": \"linear\"}}", "unknown field 'schedule.beta'");
        refused("{\"inputs\": {\"sample\": \"x\"}}", "unknown field 'inputs.sample'");
        refused("{\"schedule\": {\"name\": \"discrete\", \"betas\": \"linear\", \"timesteps\": \"many\"}}",
                "schedule.timesteps");
        refused("{\"steps\": 0}", "steps");
        refused("{\"dataRange\": [1, -1]}", "dataRange");
        refused("{\"parameterization\": \"score\"}", "parameterization");
        refused("[1, 2]", "not a JSON object");
        refused("{\"name\": ", "not valid JSON");
        CardException missing = assertThrows(CardException.class, () -> CardJson.readFile(dir.resolve("none.json")));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
    }

    @Test
    void aSideCardOverridesTheFilesCardFieldByField(@TempDir Path models) throws Exception {
        Path file = TestModels.scaled(models.resolve("m.onnx"), 1f, TestModels.pointsCard("own", "x", 4));
        ModelCard side = read("{\"name\": \"renamed\", \"description\": \"from a side card\"}");
        try (OnnxDenoiser d = OnnxDenoiser.open(file, CardOverrides.of(side), Device.CPU, l -> { })) {
            assertEquals("renamed", d.card().name());
            assertEquals("from a side card", d.card().description());
            assertEquals("x", d.card().parameterization(), "fields the side card leaves out keep the file's");
            assertEquals(4, d.card().steps());
        }
        // a side card overrides the file's card; a single flag that contradicts them is refused
        try (OnnxDenoiser d = OnnxDenoiser.open(file, CardOverrides.of(read("{\"parameterization\": \"eps\"}")),
                Device.CPU, l -> { })) {
            assertEquals("eps", d.card().parameterization());
        }
        CardOverrides both = CardOverrides.parameterization(org.pdviz.core.param.Parameterization.V).withSide(
                read("{\"parameterization\": \"eps\"}"));
        ModelFileException e = assertThrows(ModelFileException.class, () -> OnnxDenoiser.open(file, both, Device.CPU,
                l -> { }));
        assertTrue(e.getMessage().contains("--parameterization v (the card says eps)"), e.getMessage());
    }

    @Test
    void inputsTheGraphLacksAreNamedWithAHint(@TempDir Path models) throws Exception {
        Path file = DiscreteModels.gaussian(models.resolve("d.onnx"), new double[] {0.9, 0.5},
                DiscreteModels.Time.INT64_INDEX, null);
        ModelFileException e = assertThrows(ModelFileException.class, () -> OnnxDenoiser.open(file,
                CardOverrides.parameterization(org.pdviz.core.param.Parameterization.EPS), Device.CPU, l -> { }));
        assertTrue(e.getMessage().contains("{\"inputs\": {\"z\": \"sample\", \"t\": \"timestep\"}}"), e.getMessage());
        // an int64 index with the default cosine schedule (time input t) is refused, naming the input
        ModelCard named = read("{\"parameterization\": \"eps\", \"inputs\": {\"z\": \"sample\", \"t\": \"timestep\"}}");
        ModelFileException t = assertThrows(ModelFileException.class, () -> OnnxDenoiser.open(file,
                CardOverrides.of(named), Device.CPU, l -> { }));
        assertTrue(t.getMessage().contains("input 'timestep' must be float for time input 't'"), t.getMessage());
    }
}
