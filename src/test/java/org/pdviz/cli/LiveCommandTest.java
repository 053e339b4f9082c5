package org.pdviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.runtime.OnnxDenoiser;

class LiveCommandTest {

    @TempDir
    Path dir;

    static final String[] TINY = {"--set", "from=8", "--set", "copyIterations=10", "--set", "firstRoundIterations=10",
        "--set", "iterationsPerRound=10", "--set", "width=16", "--set", "depth=2", "--set", "batch=32", "--set",
        "threads=1", "--set", "evalCount=30", "--set", "referenceSteps=16"};

    static TrainCliTest.Run live(String... args) {
        List<String> all = new ArrayList<>(List.of("live"));
        all.addAll(List.of(args));
        all.addAll(List.of(TINY));
        return TrainCliTest.pdviz(all.toArray(String[]::new));
    }

    @Test
    void aCsvOfDrawnPointsBecomesATeacherAndA2StepStudentWithTheStageTimesAndTheComparison() throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 120; i++) {
            double a = 2 * Math.PI * i / 120;
            csv.append(400 + 100 * Math.cos(a)).append(',').append(300 + 100 * Math.sin(a)).append('\n');
        }
        Path points = Files.writeString(dir.resolve("circle.csv"), csv);
        Path out = dir.resolve("out");
        TrainCliTest.Run r = live("--data", points.toString(), "--to", "2", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        for (String stage : List.of("data", "teacher", "distill", "evaluate", "total")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(stage + " ") && l.contains(" s")), r.out());
        }
        assertTrue(r.out().contains("RMSE to the teacher's 16-step samples: student-2 "), r.out());
        assertTrue(r.out().contains("the teacher's own 2-step DDIM "), r.out());
        for (String f : List.of("teacher.onnx", "teacher-copy.onnx", "student-4.onnx", "student-2.onnx", "live.json")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        try (OnnxDenoiser t = OnnxDenoiser.open(out.resolve("teacher.onnx"))) {
            // pixel coordinates were normalised (the default): a circle of radius 100 around (400, 300)
            var data = t.card().lineage().data();
            assertEquals("circle.csv", data.file());
            assertEquals(1 / 100.0, data.normalization().scale(), 1e-3);
            assertEquals(120, ((Number) t.card().family().params().get("components")).intValue());
        }
    }

    @Test
    void aBadFileStopsItBeforeAnythingIsWritten() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "1,2\n3\n");
        Path out = dir.resolve("out");
        TrainCliTest.Run r = live("--data", bad.toString(), "--out", out.toString());
        assertEquals(1, r.status());
        assertEquals("pdviz live: bad.csv, row 2: 1 value, but row 1 has 2 (every row must have as many)",
                r.err().strip());
        assertFalse(Files.exists(out));
    }
}
