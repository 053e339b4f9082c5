package org.pdviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdviz.cli.TrainCliTest.assertOneLine;
import static org.pdviz.cli.TrainCliTest.pdviz;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.core.data.Mnist;
import org.pdviz.runtime.TestPaths;
import org.pdviz.runtime.features.OnnxClassifier;

class TrainClassifierCliTest {

    @TempDir
    Path dir;

    @Test
    void trainsAClassifierThatEvaluationCanOpen() throws Exception {
        Path out = dir.resolve("c.onnx");
        TrainCliTest.Run r = pdviz("train-classifier", "--iterations", "200", "--batch", "32", "--lr", "2e-3",
                "--net", "channels=8,16,16", "--net", "blocks=2", "--net", "groups=2", "--net", "features=64",
                "--threads", "1", "--eval-every", "100", "--seed", "3", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("wrote " + out), r.out());
        assertTrue(r.err().contains("iteration 100: held-out accuracy"), r.err());
        assertTrue(r.err().contains("with ONNX Runtime on the written file"), r.err());
        assertFalse(Files.exists(dir.resolve("c.onnx.job")), "a finished job leaves no folder behind");
        try (OnnxClassifier c = OnnxClassifier.open(out)) {
            assertEquals(64, c.dim());
            assertEquals("c", c.id());
            assertTrue(c.card().lineage().command().startsWith("pdviz train-classifier --iterations 200"),
                    c.card().lineage().command());
            assertEquals(3L, c.card().lineage().seed());
            double ort = c.heldOutAccuracy(Mnist.load(TestPaths.home().resolve("assets/mnist"))).fraction();
            assertTrue(ort > 0.2, "better than chance (0.1): " + ort);
            assertEquals(c.card().heldOutAccuracy(), ort, 0.0025);
        }
        assertOneLine(pdviz("train-classifier", "--iterations", "5", "--out", out.toString()), "exists");
    }

    @Test
    void badInputGetsOneLine() {
        Path out = dir.resolve("x.onnx");
        assertOneLine(pdviz("train-classifier", "--net", "features=500", "--out", out.toString()), "features");
        assertOneLine(pdviz("train-classifier", "--net", "depth=3", "--out", out.toString()),
                "unknown classifier hyperparameter");
        assertOneLine(pdviz("train-classifier", "--lr", "-1", "--out", out.toString()), "--lr must be positive, got -1.0");
        assertOneLine(pdviz("train-classifier", "--resume", "--out", out.toString()), "nothing to resume");
        assertOneLine(pdviz("train-classifier", "--iterations", "5"), "--out");
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("x.onnx.job")), "a failed fresh job leaves nothing behind");
    }
}
