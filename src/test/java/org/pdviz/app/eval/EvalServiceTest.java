package org.pdviz.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.PdvizHome;
import org.pdviz.core.data.Mnist;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.TestPaths;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.features.ClassifierCard;
import org.pdviz.runtime.features.TestClassifiers;

class EvalServiceTest {

    static final Path HOME = TestPaths.home();
    static final Path G8 = HOME.resolve("models/exact/exact-gaussians8.onnx");
    static final Path G2D = HOME.resolve("models/exact/exact-gaussian-2d.onnx");
    static final Path CLASS_MEANS = HOME.resolve("models/exact/exact-mnist-class-means.onnx");

    @TempDir
    Path dir;

    private final EvalService service = new EvalService(new PdvizHome(HOME));

    private EvalService.Request request(Path teacher, Path students, List<Integer> steps, int samples, String features,
                                        Path out) {
        return new EvalService.Request(teacher, students, steps, samples, 3, out, features, EvalService.Clip.AUTO, 20,
                "auto", Device.CPU, "test");
    }

    private static double metric(EvalReport.Run run, String name) {
        return run.metrics().get(name).value();
    }

    @Test
    void exactGaussians8TeacherImprovesWithStepsAndAStudentSitsOnItsCurve() throws Exception {
        Path students = Files.createDirectories(dir.resolve("students"));
        // a "student" for 4 steps: the exact teacher itself with steps = 4 in its card
        Cards.copyWithCard(G8, students.resolve("student-4.onnx"), c -> c.withName("student-4").withSteps(4));
        Cards.copyWithCard(G8, students.resolve("teacher-copy.onnx"), c -> c.withName("teacher-copy"));
        Cards.copyWithCard(G2D, students.resolve("other-data.onnx"), c -> c.withName("other").withSteps(2));
        Files.writeString(students.resolve("broken.onnx"), "not a model");
        Path out = dir.resolve("report");
        EvalService.Result result = service.run(request(G8, students, List.of(512, 1, 4), 400, "auto", out),
                EvalMonitor.NONE);
        EvalReport r = result.report();

        assertEquals(List.of(1, 4, 512), r.teacherRuns().stream().map(EvalReport.Run::steps).toList());
        double swd1 = metric(r.teacherRuns().get(0), "swd"), swd4 = metric(r.teacherRuns().get(1), "swd"),
                swd512 = metric(r.teacherRuns().get(2), "swd");
        assertTrue(swd512 < swd4 && swd4 < swd1, swd1 + " > " + swd4 + " > " + swd512);
        double rmse1 = metric(r.teacherRuns().get(0), "rmse"), rmse4 = metric(r.teacherRuns().get(1), "rmse");
        assertTrue(rmse4 < rmse1 && rmse4 > 0.05, rmse1 + " " + rmse4);
        assertEquals(0, metric(r.teacherRuns().get(2), "rmse"), 0, "the reference against itself");
        assertTrue(metric(r.teacherRuns().get(2), "energy") < metric(r.teacherRuns().get(1), "energy"));
        assertEquals("swd", r.primaryMetric());
        assertEquals("dataset", r.reference().kind());
        assertEquals("gaussians8", r.reference().name());
        assertTrue(r.teacher().exact());
        assertNull(r.exact(), "the teacher is itself exact");
        assertNotNull(r.floor());
        assertTrue(r.floor().get("swd").value() < swd4);
        assertEquals(4, r.teacherRuns().get(1).evaluationsPerSample());

        // the student path: same noise, same network, same step count -> the teacher's 4-step point
        assertEquals(1, r.students().size());
        EvalReport.Run student = r.students().get(0);
        assertEquals("student-4", student.model());
        assertEquals(4, student.steps());
        assertEquals(r.teacherRuns().get(1).metrics(), student.metrics());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("teacher-copy.onnx") && n.contains("not a student")),
                r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("other-data.onnx") && n.contains("gaussian-2d")),
                r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("broken.onnx")), r.notes().toString());

        // report.json as documented
        JsonNode json = CardJson.mapper().readTree(result.json().toFile());
        assertEquals(1, json.get("format").asInt());
        assertEquals("points", json.get("data").asText());
        assertEquals(400, json.get("settings").get("samples").asInt());
        JsonNode first = json.get("teacherRuns").get(0);
        assertEquals(1, first.get("steps").asInt());
        assertEquals(swd1, first.get("metrics").get("swd").get("value").asDouble(), 0);
        assertTrue(first.get("metrics").get("swd").get("lo").asDouble() < swd1);
        assertEquals(0.95, first.get("metrics").get("swd").get("confidence").asDouble(), 0);
        assertEquals("student-4", json.get("students").get(0).get("model").asText());
        assertTrue(json.get("teacherRuns").get(2).get("seconds").asDouble() > 0);
        BufferedImage png = ImageIO.read(result.png().toFile());
        assertEquals(1280, png.getWidth());
        assertTrue(png.getHeight() > 400);
        try (var files = Files.list(out)) {
            assertEquals(List.of("report.json", "report.png"), files.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "no temporary files left behind");
        }
    }

    @Test
    void anUnknownDataSetIsMeasuredAgainstTheTeachersOwnSamples() throws Exception {
        Path teacher = dir.resolve("mystery.onnx");
        Cards.copyWithCard(G8, teacher, c -> Cards.withDataset(c, "mystery").withFamily(null));
        EvalReport r = service.run(request(teacher, null, List.of(1, 64), 200, "auto", dir.resolve("out")),
                EvalMonitor.NONE).report();
        assertEquals("teacher", r.reference().kind());
        assertNull(r.floor());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("'mystery' is unknown")), r.notes().toString());
        assertTrue(metric(r.teacherRuns().get(1), "swd") < metric(r.teacherRuns().get(0), "swd"));
        assertFalse(r.teacher().exact());
        assertNull(r.exact(), "no exact teacher for an unknown data set");
    }

    @Test
    void aTrainedTeacherGetsTheExactTeacherAsAReferenceLine() throws Exception {
        // a "trained" gaussians8 teacher: the exact graph with its family removed from the card
        Path teacher = dir.resolve("teacher.onnx");
        Cards.copyWithCard(G8, teacher, c -> c.withName("teacher").withFamily(null));
        EvalReport r = service.run(request(teacher, null, List.of(2, 32), 200, "auto", dir.resolve("out")),
                EvalMonitor.NONE).report();
        assertNotNull(r.exact());
        assertEquals("exact-gaussians8", r.exact().model());
        assertEquals(32, r.exact().steps());
        // same function, same noise: the exact run lands exactly on the teacher's largest-step samples
        assertEquals(0, metric(r.exact(), "rmse"), 1e-6);
    }

    @Test
    void digitsAreScoredWithFidAndKidOnFixedOrClassifierFeatures() throws Exception {
        EvalReport r = service.run(request(CLASS_MEANS, null, List.of(1, 4), 200, "random-relu", dir.resolve("a")),
                EvalMonitor.NONE).report();
        assertEquals("images", r.data());
        assertEquals("fid", r.primaryMetric());
        assertEquals("mixture", r.reference().kind());
        assertEquals("fixed", r.features().kind());
        assertFalse(r.settings().clip(), "a mixture's samples leave [-1, 1]: not clipped by default");
        double fid1 = metric(r.teacherRuns().get(0), "fid"), fid4 = metric(r.teacherRuns().get(1), "fid");
        assertTrue(fid4 < 0.5 * fid1, fid1 + " -> " + fid4);
        assertTrue(metric(r.teacherRuns().get(1), "kid") < metric(r.teacherRuns().get(0), "kid"));
        assertTrue(r.floor().get("fid").value() < fid4);

        Path classifier = dir.resolve("ncm.onnx");
        Mnist mnist = Mnist.load(HOME.resolve("assets/mnist"));
        TestClassifiers.write(TestClassifiers.weights(mnist), new ClassifierCard(1, "ncm", "mnist", 16, null, null,
                null, null), classifier);
        EvalReport c = service.run(request(CLASS_MEANS, null, List.of(1, 16), 200, classifier.toString(),
                dir.resolve("b")), EvalMonitor.NONE).report();
        assertEquals("classifier", c.features().kind());
        assertEquals("ncm", c.features().id());
        assertTrue(c.features().heldOutAccuracy() > 0.6);
        assertTrue(metric(c.teacherRuns().get(1), "fid") < metric(c.teacherRuns().get(0), "fid"));
    }

    @Test
    void anMnistTeacherIsComparedWithTheHeldOutDigits() throws Exception {
        // the class-means mixture presented as an "mnist" teacher: its samples are scored against real digits
        Path teacher = dir.resolve("mnist-teacher.onnx");
        Cards.copyWithCard(CLASS_MEANS, teacher, c -> Cards.withDataset(c, "mnist").withName("cm-as-mnist")
                .withFamily(null));
        EvalReport r = service.run(request(teacher, null, List.of(1, 16), 150, "random-relu", dir.resolve("m")),
                EvalMonitor.NONE).report();
        assertEquals("mnist-heldout", r.reference().kind());
        assertEquals(150, r.reference().count());
        assertTrue(r.settings().clip(), "real digits: x_hat clipped to [-1, 1] as in the paper");
        assertNull(r.exact(), "no exact teacher for real MNIST");
        double fid1 = metric(r.teacherRuns().get(0), "fid"), fid16 = metric(r.teacherRuns().get(1), "fid");
        double floor = r.floor().get("fid").value();
        assertTrue(floor < fid16 && fid16 < fid1, floor + " < " + fid16 + " < " + fid1);
    }

    @Test
    void mnistIsScoredWithTheShippedClassifierByDefault() throws Exception {
        Path teacher = dir.resolve("mnist-teacher.onnx");
        Cards.copyWithCard(CLASS_MEANS, teacher, c -> Cards.withDataset(c, "mnist").withName("cm-as-mnist")
                .withFamily(null));
        EvalReport r = service.run(request(teacher, null, List.of(1, 16), 150, "auto", dir.resolve("auto")),
                EvalMonitor.NONE).report();
        assertEquals("classifier", r.features().kind());
        assertEquals("mnist-classifier", r.features().id());
        assertTrue(r.features().file().endsWith("mnist-classifier.onnx"), r.features().file());
        assertTrue(r.features().heldOutAccuracy() >= 0.98, "measured again: " + r.features().heldOutAccuracy());
        assertTrue(r.notes().stream().noneMatch(n -> n.contains("random-ReLU")), r.notes().toString());
        double fid1 = metric(r.teacherRuns().get(0), "fid"), fid16 = metric(r.teacherRuns().get(1), "fid");
        double floor = r.floor().get("fid").value();
        assertTrue(floor < fid16 && fid16 < fid1, floor + " < " + fid16 + " < " + fid1);
    }

    @Test
    void badRequestsFailBeforeSampling() {
        Path out = dir.resolve("never");
        assertThrows(IllegalArgumentException.class, () -> service.run(request(G8, null, List.of(0), 10, "auto", out),
                EvalMonitor.NONE));
        assertThrows(IllegalArgumentException.class, () -> service.run(request(G8, null, List.of(4), 1, "auto", out),
                EvalMonitor.NONE));
        assertThrows(IllegalArgumentException.class, () -> service.run(request(G8, dir.resolve("nope"), List.of(4),
                10, "auto", out), EvalMonitor.NONE));
        // a denoiser is not a feature classifier: found out before any sampling
        EvalMonitor failOnSampling = new EvalMonitor() {
            @Override
            public void runStarted(String label, int index, int total) {
                throw new AssertionError("sampling started: " + label);
            }
        };
        var e = assertThrows(org.pdviz.runtime.ModelFileException.class, () -> service.run(request(CLASS_MEANS, null,
                List.of(4), 10, G8.toString(), out), failOnSampling));
        assertTrue(e.getMessage().contains("input named 'x'"), e.getMessage());
        assertFalse(Files.exists(out.resolve("report.json")));
    }
}
