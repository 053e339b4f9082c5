package org.pdviz.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.jobs.Progress;
import org.pdviz.core.data.DataTable;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.ModelCard;

/** The live pipeline on a tiny configuration: every stage, its events, its files and cards, cancel. */
class LiveServiceTest {

    @TempDir
    Path dir;

    /** A few seconds' worth: 8 -> 2 steps, 20 iterations a stage, a 16-wide mlp. */
    static LiveSettings tiny() {
        LiveSettings s = LiveSettings.classroom();
        String[][] set = {{"from", "8"}, {"copyIterations", "20"}, {"firstRoundIterations", "20"},
            {"iterationsPerRound", "20"}, {"width", "16"}, {"depth", "2"}, {"batch", "32"}, {"threads", "1"},
            {"presetPoints", "300"}, {"maxPoints", "200"}, {"evalCount", "40"}, {"referenceSteps", "32"},
            {"previewCount", "25"}};
        for (String[] kv : set) {
            s = s.with(kv[0], kv[1]);
        }
        return s;
    }

    /** Every event, in order, as text; rounds kept whole. */
    static class Recorder implements LiveListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final List<LiveService.Round> rounds = new ArrayList<>();
        final AtomicInteger progress = new AtomicInteger();

        @Override
        public void stageStarted(String stage) {
            events.add("start " + stage);
        }

        @Override
        public void stageFinished(String stage, double seconds) {
            events.add("end " + stage);
        }

        @Override
        public void progress(Progress p) {
            progress.incrementAndGet();
        }

        @Override
        public void roundFinished(LiveService.Round r) {
            events.add("round " + (r.steps() == null ? "copy" : r.steps()));
            rounds.add(r);
        }
    }

    @Test
    void aPresetGoesThroughEveryStageWithEventsFilesAndCards() throws Exception {
        Recorder rec = new Recorder();
        Path out = dir.resolve("rings");
        LiveService.Result r = new LiveService().run(new LiveService.Request("rings", null, true, 2, 3, out, tiny(),
                "pdviz live (test)"), rec, () -> false);
        assertEquals(List.of("start data", "end data", "start teacher", "end teacher", "start distill", "round copy",
                "round 4", "round 2", "end distill", "start evaluate", "end evaluate"), rec.events);
        assertEquals(20 * 3, rec.progress.get());
        assertFalse(r.cancelled());
        for (String f : List.of("teacher.onnx", "teacher-copy.onnx", "student-4.onnx", "student-2.onnx", "live.json")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        assertEquals(out.resolve("student-2.onnx"), r.student());
        // the teacher: 200 of the preset's 300 points (maxPoints), a seeded subset the card records
        assertEquals(200, r.points());
        try (OnnxDenoiser t = OnnxDenoiser.open(out.resolve("teacher.onnx"))) {
            ModelCard c = t.card();
            assertEquals("rings", c.dataset());
            assertEquals("exact-gaussian-mixture", c.family().name());
            assertEquals(200, ((Number) c.family().params().get("components")).intValue());
            assertEquals("preset", c.lineage().data().source());
            assertTrue(c.lineage().data().note().contains("subset of 200 of the 300"), c.lineage().data().note());
        }
        try (OnnxDenoiser s = OnnxDenoiser.open(out.resolve("student-2.onnx"))) {
            assertEquals(2, s.card().steps());
            assertEquals("rings-student-4", s.card().lineage().parent());
            assertEquals("mlp", s.card().family().name());
            assertEquals(16, ((Number) s.card().family().params().get("width")).intValue());
        }
        // each round's preview: that round's model sampled with --to steps, 25 points
        for (LiveService.Round round : rec.rounds) {
            assertEquals(2, round.previewSteps());
            assertEquals(25 * 2, round.preview().length);
        }
        assertNotNull(r.comparison());
        assertEquals(32, r.comparison().referenceSteps());
        assertEquals(2, r.comparison().steps());
        assertTrue(r.comparison().student() > 0 && r.comparison().teacherDdim() > 0);
        assertEquals(List.of("data", "teacher", "distill", "evaluate"), r.timings().stream()
                .map(LiveService.Timing::stage).toList());
        String json = Files.readString(out.resolve("live.json"));
        assertTrue(json.contains("\"sameNoiseRmse\""), json);
        // a second run into the same folder is refused before anything is written
        assertThrows(java.io.IOException.class, () -> new LiveService().run(new LiveService.Request("rings", null, true,
                2, 3, out, tiny(), "again"), LiveListener.NONE, () -> false));
    }

    @Test
    void pointsDrawnInMemoryAreTheTeachersComponentsAsGiven() throws Exception {
        float[] v = new float[2 * 150];
        for (int i = 0; i < 150; i++) {
            double a = 2 * Math.PI * i / 150;
            v[2 * i] = (float) (0.5 * Math.cos(a));
            v[2 * i + 1] = (float) (0.5 * Math.sin(a));
        }
        DataTable drawn = DataTable.points("drawn", 2, v);
        Path out = dir.resolve("drawn");
        LiveService.Result r = new LiveService().run(new LiveService.Request(null, drawn, false, 4, 0, out,
                tiny().with("copyIterations", "0").with("evalCount", "0"), "test"), LiveListener.NONE, () -> false);
        assertEquals(150, r.points());
        assertNull(r.comparison());
        assertFalse(Files.exists(out.resolve("teacher-copy.onnx")), "no copy stage when copyIterations is 0");
        try (OnnxDenoiser t = OnnxDenoiser.open(out.resolve("teacher.onnx"))) {
            ModelCard.DataOrigin d = t.card().lineage().data();
            assertEquals("points", d.source());
            assertEquals(drawn.sha256(), d.sha256());
            assertNull(d.normalization());
        }
    }

    @Test
    void cancellingKeepsTheFinishedRoundsAndSkipsTheComparison() throws Exception {
        AtomicBoolean cancel = new AtomicBoolean();
        Recorder rec = new Recorder() {
            @Override
            public void roundFinished(LiveService.Round r) {
                super.roundFinished(r);
                cancel.set(true); // stop after the copy stage
            }
        };
        Path out = dir.resolve("cancel");
        LiveService.Result r = new LiveService().run(new LiveService.Request("face", null, true, 2, 0, out, tiny(),
                "test"), rec, cancel::get);
        assertTrue(r.cancelled());
        assertNull(r.comparison());
        assertEquals(1, r.rounds().size());
        assertTrue(Files.exists(out.resolve("teacher-copy.onnx")));
        assertFalse(Files.exists(out.resolve("student-4.onnx")));
    }

    @Test
    void imagesAndBadSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LiveService.Request("rings", null, true, 3, 0, dir,
                tiny(), "x"));
        assertThrows(IllegalArgumentException.class, () -> tiny().with("width", "wide"));
        assertThrows(IllegalArgumentException.class, () -> tiny().with("nope", "1"));
    }
}
