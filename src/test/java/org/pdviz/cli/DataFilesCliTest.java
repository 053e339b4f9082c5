package org.pdviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.core.data.TestFiles;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.ModelCard;

/** {@code --data FILE} on every command that names data: what the card records, and one line for every bad file. */
class DataFilesCliTest {

    @TempDir
    Path dir;

    static TrainCliTest.Run pdviz(String... args) {
        return TrainCliTest.pdviz(args);
    }

    Path csv(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    /** Points on a ring of radius 40 around (100, 50), as pixel coordinates from a drawing would be. */
    Path ringCsv(String name, int n) throws Exception {
        StringBuilder b = new StringBuilder("x,y\n");
        Random rng = new Random(3);
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * rng.nextDouble();
            b.append(100 + 40 * Math.cos(a)).append(',').append(50 + 40 * Math.sin(a)).append('\n');
        }
        return csv(name, b.toString());
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    List<String> filesUnder(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aTeacherTrainedOnANormalisedCsvRecordsTheFileItsHashAndTheMap() throws Exception {
        Path points = ringCsv("ring.csv", 300);
        Path teacher = dir.resolve("t.onnx");
        TrainCliTest.Run r = pdviz("train", "--data", points.toString(), "--normalize", "--family", "mlp", "--net",
                "width=16", "--net", "depth=2", "--iterations", "20", "--batch", "32", "--threads", "1", "--out",
                teacher.toString());
        assertEquals(0, r.status(), r.err());
        try (OnnxDenoiser d = OnnxDenoiser.open(teacher)) {
            ModelCard c = d.card();
            assertEquals("ring.csv", c.dataset());
            ModelCard.DataOrigin data = c.lineage().data();
            assertEquals("file", data.source());
            assertEquals("ring.csv", data.file());
            assertEquals(sha256(points), data.sha256());
            assertEquals(300, data.count());
            assertNotNull(data.normalization());
            // ring of radius 40: the largest half-range is about 40, the centre about (100, 50)
            assertEquals(1 / 40.0, data.normalization().scale(), 0.002);
            assertEquals(100, data.normalization().center()[0], 1.0);
        }
        TrainCliTest.Run info = pdviz("info", teacher.toString());
        assertTrue(info.out().contains("data:    ring.csv (300 samples, sha256 " + sha256(points).substring(0, 12)),
                info.out());
        // its students learned from the same file, and say so
        Path students = dir.resolve("students");
        TrainCliTest.Run d = pdviz("distill", "--teacher", teacher.toString(), "--data", points.toString(), "--from",
                "4", "--to", "2", "--iterations-per-round", "5", "--batch", "16", "--threads", "1", "--eval-count", "10",
                "--out", students.toString());
        assertEquals(0, d.status(), d.err());
        try (OnnxDenoiser s = OnnxDenoiser.open(students.resolve("student-2.onnx"))) {
            ModelCard.DataOrigin data = s.card().lineage().data();
            assertEquals(sha256(points), data.sha256());
            // the file was mapped with the teacher's own normalisation, without --normalize
            assertEquals(1 / 40.0, data.normalization().scale(), 0.002);
        }
    }

    @Test
    void dataFreeDistillationLearnsFromTheTeachersOwnSamplesAndSaysSo() throws Exception {
        Path teacher = dir.resolve("g8.onnx");
        assertEquals(0, pdviz("exact", "--preset", "gaussians8", "--out", teacher.toString()).status());
        Path students = dir.resolve("free");
        TrainCliTest.Run d = pdviz("distill", "--teacher", teacher.toString(), "--data", "teacher", "--teacher-samples",
                "64", "--family", "mlp", "--net", "width=16", "--from", "8", "--to", "4", "--iterations-per-round", "5",
                "--copy-iterations", "5", "--batch", "16", "--threads", "1", "--eval-count", "10", "--out",
                students.toString());
        assertEquals(0, d.status(), d.err());
        assertTrue(d.err().contains("data-free: drawing 64 samples from the teacher with 8 DDIM steps"), d.err());
        try (OnnxDenoiser s = OnnxDenoiser.open(students.resolve("student-4.onnx"))) {
            ModelCard c = s.card();
            assertEquals("gaussians8", c.dataset());
            assertEquals("teacher-samples", c.lineage().data().source());
            assertEquals(64, c.lineage().data().count());
            assertTrue(c.description().contains("data-free: learned from 64 of exact-gaussians8's own 8-step DDIM"
                    + " samples"), c.description());
        }
    }

    @Test
    void aBuiltInDataSetRecordsNoFile() throws Exception {
        Path teacher = dir.resolve("m.onnx");
        assertEquals(0, pdviz("train", "--data", "moons", "--family", "mlp", "--net", "width=8", "--iterations", "3",
                "--batch", "8", "--threads", "1", "--out", teacher.toString()).status());
        try (OnnxDenoiser d = OnnxDenoiser.open(teacher)) {
            assertNull(d.card().lineage().data());
        }
    }

    /** The command fails with one line naming the file and the place, and leaves nothing behind. */
    void refused(String expected, String... args) throws Exception {
        List<String> before = filesUnder(dir);
        TrainCliTest.Run r = pdviz(args);
        assertEquals(1, r.status(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(before, filesUnder(dir), "nothing may be written");
    }

    void everyCommandRefuses(Path bad, String expected) throws Exception {
        Path teacher = dir.resolve("exact.onnx");
        refused(expected, "train", "--data", bad.toString(), "--family", "mlp", "--out", dir.resolve("t.onnx").toString());
        refused(expected, "exact", "--points", bad.toString(), "--out", dir.resolve("e.onnx").toString());
        refused(expected, "distill", "--teacher", teacher.toString(), "--data", bad.toString(), "--family", "mlp",
                "--from", "8", "--to", "4", "--iterations-per-round", "5", "--out", dir.resolve("s").toString());
        refused(expected, "eval", "--teacher", teacher.toString(), "--data", bad.toString(), "--steps", "2",
                "--samples", "10", "--out", dir.resolve("ev").toString());
    }

    @Test
    void everyBadFileCaseGetsOneLineNamingTheFileAndRowOnEveryCommandAndNothingIsWritten() throws Exception {
        assertEquals(0, pdviz("exact", "--preset", "gaussians8", "--out", dir.resolve("exact.onnx").toString()).status());
        everyCommandRefuses(csv("empty.csv", "# nothing yet\n"), "exact: empty.csv: no data rows".substring(7));
        everyCommandRefuses(csv("ragged.csv", "1,2\n3,4,5\n"), "ragged.csv, row 2: 3 values, but row 1 has 2");
        everyCommandRefuses(csv("nan.csv", "1,2\nNaN,4\n"), "nan.csv, row 2, column 1: NaN is not a finite number");
        everyCommandRefuses(csv("inf.csv", "1,inf\n"), "inf.csv, row 1, column 2: inf is not a finite number");
        everyCommandRefuses(csv("text.csv", "x,y\n1,2\n3,four\n"), "text.csv, row 3, column 2: 'four' is not a number");
        Path mixed = Files.createDirectory(dir.resolve("mixed"));
        TestFiles.grayPng(mixed.resolve("a.png"), 28, 28, (x, y) -> 0);
        TestFiles.grayPng(mixed.resolve("b.png"), 14, 14, (x, y) -> 0);
        everyCommandRefuses(mixed, "mixed, image b.png: 14x14, but a.png is 28x28 (all images must be one size)");
    }

    @Test
    void dataWhoseDimensionsDisagreeWithTheTeachersIsRefusedNamingTheFile() throws Exception {
        Path teacher = dir.resolve("exact.onnx");
        assertEquals(0, pdviz("exact", "--preset", "gaussians8", "--out", teacher.toString()).status());
        Path three = csv("xyz.csv", "1,2,3\n4,5,6\n");
        String expected = "xyz.csv: samples of shape [3], but the teacher's data has shape [2]";
        refused(expected, "distill", "--teacher", teacher.toString(), "--data", three.toString(), "--family", "mlp",
                "--from", "8", "--to", "4", "--iterations-per-round", "5", "--out", dir.resolve("s").toString());
        refused(expected, "eval", "--teacher", teacher.toString(), "--data", three.toString(), "--steps", "2",
                "--samples", "10", "--out", dir.resolve("ev").toString());
    }

    @Test
    void normalizeIsForPointsOnly() throws Exception {
        refused("--normalize is for point files", "train", "--data", "moons", "--normalize", "--family", "mlp", "--out",
                dir.resolve("t.onnx").toString());
        refused("all points are equal", "exact", "--points", csv("same.csv", "1,1\n1,1\n").toString(), "--normalize",
                "--out", dir.resolve("e.onnx").toString());
    }

    @Test
    void evalMeasuresAgainstTheFileInTheTeachersNormalisedSpace() throws Exception {
        Path points = ringCsv("ring.csv", 400);
        Path teacher = dir.resolve("ring.onnx");
        TrainCliTest.Run e = pdviz("exact", "--points", points.toString(), "--normalize", "--out", teacher.toString());
        assertEquals(0, e.status(), e.err());
        assertTrue(e.out().contains("exact teacher of 400 samples of ring.csv"), e.out());
        TrainCliTest.Run ev = pdviz("eval", "--teacher", teacher.toString(), "--data", points.toString(), "--steps",
                "64", "--samples", "200", "--bootstrap", "20", "--out", dir.resolve("ev").toString());
        assertEquals(0, ev.status(), ev.err());
        assertTrue(ev.out().contains("200 samples of ring.csv (400 in the file"), ev.out());
        String json = Files.readString(dir.resolve("ev/report.json"));
        // the teacher reproduces its own points: as close to them, in the normalised space, as another draw of
        // the file's points is (the floor), where unnormalised points would be ~100 away
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        double swd = report.get("teacherRuns").get(0).get("metrics").get("swd").get("value").asDouble();
        double floor = report.get("floor").get("swd").get("value").asDouble();
        System.out.println("swd " + swd + " floor " + floor);
        assertTrue(swd < 1.5 * floor, "swd " + swd + ", floor " + floor);
    }
}
