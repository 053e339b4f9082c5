package org.pdviz.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdviz.faults.Faults.assertOneLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelImport;
import org.pdviz.app.library.ModelLibrary;
import org.pdviz.app.sampling.RunService;
import org.pdviz.app.sampling.RunSpec;
import org.pdviz.core.param.Parameterization;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.TestModels;
import org.pdviz.runtime.TestPaths;
import org.pdviz.runtime.card.CardOverrides;

/**
 * The app's model loading (library scan, Open model..., the player's runs): every bad file is refused
 * when it is loaded, with one line naming it, and never reaches a view.
 */
class ModelLoadingFaultsTest {

    @TempDir
    Path dir;

    /** File name -> what its message must say. */
    final Map<Path, String> bad = new LinkedHashMap<>();

    @BeforeEach
    void badFiles() throws Exception {
        bad.put(CraftedModels.points(dir.resolve("reversed.onnx"), CraftedModels.pointsCard("r", null, "schedule",
                "{\"name\": \"cosine\", \"logSnrMin\": 20, \"logSnrMax\": -20}")), "logSnrMin < logSnrMax");
        bad.put(CraftedModels.points(dir.resolve("zero-steps.onnx"), CraftedModels.pointsCard("z", 0, null, null)),
                "steps is 0");
        bad.put(CraftedModels.points(dir.resolve("typed.onnx"), CraftedModels.pointsCard("t", null, "dataRange",
                "\"wide\"")), "'dataRange'");
        bad.put(CraftedModels.points(dir.resolve("two.onnx"), "B", CraftedModels.pointsCard("o", null, null, null), 2,
                false), "exactly one output");
        bad.put(CraftedModels.points(dir.resolve("huge-batch.onnx"), 1_000_000, CraftedModels.pointsCard("h", null,
                null, null), 1, false), "fixes the batch");
        bad.put(TestModels.foreignNames(dir.resolve("foreign.onnx")), "'z' and 't'");
        bad.put(Files.copy(TestPaths.home().resolve("models/moons/report.png"), dir.resolve("picture.onnx")),
                "not a valid ONNX model");
        bad.put(Files.write(dir.resolve("empty.onnx"), new byte[0]), "empty");
    }

    /** Defect 1 and 12 for the app: a scan lists the good files and says, per bad file, what is wrong. */
    @Test
    void aLibraryScanSkipsBadFilesAndSaysWhy() throws Exception {
        Path good = CraftedModels.points(dir.resolve("good.onnx"), CraftedModels.pointsCard("good", null, null, null));
        ModelLibrary lib = ModelLibrary.scan(dir);
        assertEquals(List.of(good.toAbsolutePath().normalize()), lib.entries().stream().map(ModelEntry::file).toList());
        assertEquals(bad.size(), lib.problems().size(), lib.problems().toString());
        for (var b : bad.entrySet()) {
            String name = "'" + b.getKey().getFileName() + "'";
            String line = lib.problems().stream().filter(p -> p.contains(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not in " + lib.problems()));
            assertOneLine(line, b.getValue());
        }
    }

    /** Open model... refuses each bad file with one line (the dialog's text); the library is unchanged. */
    @Test
    void openingABadModelIsRefusedInOneLine() throws Exception {
        ModelLibrary lib = new ModelLibrary();
        Path foreign = dir.resolve("foreign.onnx");
        for (var b : bad.entrySet()) {
            if (b.getKey().equals(foreign)) {
                continue;
            }
            ModelFileException e = assertThrows(ModelFileException.class, () -> ModelImport.check(b.getKey()));
            assertOneLine(e.getMessage(), "'" + b.getKey().getFileName() + "'", b.getValue());
            assertThrows(ModelFileException.class, () -> lib.add(b.getKey()));
        }
        assertTrue(lib.entries().isEmpty());
        // a card-less graph with other input names is not refused: Open model... asks for their names (issue #14)
        var needs = assertInstanceOf(ModelImport.NeedsFields.class, ModelImport.check(foreign));
        assertTrue(needs.missing().contains("inputs"), needs.missing().toString());
    }

    /** The fields a user gives a card-less model are checked like a card's: a bad range is refused. */
    @Test
    void fieldsGivenForACardlessModelAreCheckedLikeACard() throws Exception {
        Path nocard = CraftedModels.points(dir.resolve("nocard.onnx"), null);
        var fields = new CardOverrides(null, null, Parameterization.X, null, new double[] {1, 1}, null, null);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelImport.complete(nocard, fields));
        assertOneLine(e.getMessage(), "'nocard.onnx'", "dataRange [1.0, 1.0]");
        ModelEntry ok = ModelImport.complete(nocard, CardOverrides.parameterization(Parameterization.X));
        assertEquals("x", ok.card().parameterization());
    }

    /** Defect 5 for the app: a model with a fixed batch of one plays 16 samples in the player's runs. */
    @Test
    void thePlayerSamplesAFixedBatchModel() throws Exception {
        Path one = CraftedModels.points(dir.resolve("one.onnx"), 1, CraftedModels.pointsCard("one", null, null, null),
                1, false);
        ModelEntry entry = new ModelLibrary().add(one);
        var run = new RunService().run(new RunSpec(entry, 4, 0, 16, false), (d, t, s) -> { }, () -> false);
        assertEquals(4, run.trajectory().frames().size());
        assertEquals(32, run.trajectory().finalSample().length);
    }
}
