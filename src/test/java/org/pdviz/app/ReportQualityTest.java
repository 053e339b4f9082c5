package org.pdviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.eval.EvalReport;
import org.pdviz.app.eval.ReportQuality;
import org.pdviz.cli.Main;
import org.pdviz.runtime.TestPaths;

class ReportQualityTest {

    @TempDir
    Path dir;

    @Test
    void theComparisonFindsWhatEvalMeasuredBesideTheModel() throws Exception {
        Path model = Files.copy(TestPaths.home().resolve("models/exact/exact-gaussians8.onnx"),
                dir.resolve("exact-gaussians8.onnx"));
        assertTrue(ReportQuality.find(model, "exact-gaussians8", 4).isEmpty(), "no report yet");
        int status = Main.commandLine().execute("eval", "--teacher", model.toString(), "--steps", "4,16",
                "--samples", "200", "--bootstrap", "20", "--out", dir.toString());
        assertEquals(0, status);
        EvalReport report = ReportQuality.reportFor(model).orElseThrow();
        ReportQuality q = ReportQuality.find(model, "exact-gaussians8", 4).orElseThrow();
        assertEquals("swd", q.metric());
        assertEquals(200, q.samples());
        EvalReport.Run run = report.teacherRuns().stream().filter(r -> r.steps() == 4).findFirst().orElseThrow();
        assertEquals(run.metrics().get("swd"), q.estimate());
        assertTrue(q.describe().startsWith("SWD "), q.describe());
        assertTrue(ReportQuality.find(model, "exact-gaussians8", 8).isEmpty(), "8 steps were not measured");
        Path other = Files.copy(model, dir.resolve("other.onnx"));
        assertTrue(ReportQuality.find(other, "another-model", 4).isEmpty(), "a file the report does not name");
        // renamed after eval (as the shipped models were): the report still names its file
        org.pdviz.runtime.card.CardNames.rename(model, n -> "renamed-" + n);
        assertEquals(q, ReportQuality.find(model, "renamed-exact-gaussians8", 4).orElseThrow());
        // fewer steps, worse quality: what the pane shows next to each sampler
        assertTrue(q.estimate().value() > ReportQuality.find(model, "exact-gaussians8", 16).orElseThrow()
                .estimate().value());
        Files.writeString(dir.resolve("report.json"), "{ not json");
        assertTrue(ReportQuality.find(model, "exact-gaussians8", 4).isEmpty(), "a broken report shows nothing");
    }
}
