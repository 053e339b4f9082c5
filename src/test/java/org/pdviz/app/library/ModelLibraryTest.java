package org.pdviz.app.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.core.data.Mnist;
import org.pdviz.runtime.TestPaths;
import org.pdviz.runtime.features.ClassifierCard;
import org.pdviz.runtime.features.TestClassifiers;
import org.pdviz.runtime.onnx.OnnxGraph;

class ModelLibraryTest {

    static final Path MODELS = TestPaths.home().resolve("models");

    @TempDir
    Path dir;

    @Test
    void aFeatureClassifierIsNotListedAsADenoiserAndOtherGraphsAreReported() throws Exception {
        Files.copy(MODELS.resolve("exact/exact-gaussians8.onnx"), dir.resolve("g8.onnx"));
        Path sub = Files.createDirectories(dir.resolve("classifier"));
        Mnist mnist = Mnist.load(TestPaths.home().resolve("assets/mnist"));
        TestClassifiers.write(TestClassifiers.weights(mnist), new ClassifierCard(1, "ncm", "mnist", 16, 0.8, null,
                null, null), sub.resolve("with-card.onnx"));
        TestClassifiers.write(TestClassifiers.weights(mnist), null, sub.resolve("no-card.onnx"));
        OnnxGraph g = new OnnxGraph("identity");
        g.input("a", "B", 3);
        g.opNamed("b", "Identity", Map.of(), "a");
        g.output("b", "B", 3);
        OnnxGraph.write(g.model("test", Map.of()), dir.resolve("identity.onnx"));

        ModelLibrary lib = ModelLibrary.scan(dir);
        assertEquals(List.of("exact-gaussians8"), lib.entries().stream().map(ModelEntry::name).toList());
        assertEquals(1, lib.problems().size(), lib.problems().toString());
        assertTrue(lib.problems().get(0).contains("identity.onnx") && lib.problems().get(0).contains("not a denoiser"),
                lib.problems().toString());
    }

    @Test
    void theShippedClassifierStaysOutOfTheShippedLibrary() {
        assertTrue(Files.isRegularFile(MODELS.resolve("classifier/mnist-classifier.onnx")));
        ModelLibrary lib = ModelLibrary.scan(MODELS);
        Path classifiers = MODELS.resolve("classifier").toAbsolutePath().normalize();
        assertTrue(lib.entries().stream().noneMatch(e -> e.file().startsWith(classifiers)), lib.entries().toString());
        assertTrue(lib.entries().size() >= 4, "the exact teachers are still listed: " + lib.entries());
        assertTrue(lib.entries().stream().allMatch(e -> e.card() != null), "every shipped denoiser has a card");
        assertEquals(List.of(), lib.problems());
    }
}
