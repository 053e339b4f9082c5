package org.pdviz.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelImport;
import org.pdviz.app.player.FrameExport;
import org.pdviz.app.sampling.FrameData;
import org.pdviz.app.sampling.RunService;
import org.pdviz.app.sampling.RunSpec;
import org.pdviz.app.sampling.SampledRun;
import org.pdviz.core.ddim.StartNoise;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.TestPaths;

class RunServiceTest {

    static final Path GAUSSIANS8 = TestPaths.home().resolve("models/exact/exact-gaussians8.onnx");

    @TempDir
    Path dir;

    @Test
    void runsShareTheirStartNoiseAndPositionsCoverTheWholeRun() throws Exception {
        ModelEntry m = ((ModelImport.Ready) ModelImport.check(GAUSSIANS8)).entry();
        List<long[]> progress = new ArrayList<>();
        List<SampledRun> runs = new RunService().runAll(List.of(new RunSpec(m, 16, 7, 32, false),
                new RunSpec(m, 4, 7, 32, true)), (done, total, current) -> progress.add(new long[] {done, total}),
                () -> false, line -> { });
        assertEquals(20, progress.size());
        assertArrayEquals(new long[] {20, 20}, progress.get(19));
        float[] z1 = StartNoise.batch(7, 0, 32, 2);
        for (SampledRun r : runs) {
            assertArrayEquals(z1, r.z(0));
        }
        SampledRun r = runs.get(0);
        assertEquals(16, r.last());
        for (int p = 0; p <= 16; p++) {
            FrameData f = r.frame(p);
            assertEquals(1.0 - p / 16.0, f.level().t(), 1e-12);
            assertEquals(CosineSchedule.CLIPPED.at(f.level().t()), f.level());
            assertEquals(r.t(p), f.level().t(), 1e-15);
        }
        FrameData last = r.frame(16);
        assertTrue(last.isFinal());
        assertArrayEquals(r.trajectory().finalSample(), last.z());
        assertNull(last.epsHat());
        assertTrue(runs.get(1).trajectory().settings().clip());
    }

    @Test
    void cancellingStopsTheRun() throws Exception {
        ModelEntry m = ((ModelImport.Ready) ModelImport.check(GAUSSIANS8)).entry();
        int[] calls = {0};
        assertThrows(CancellationException.class, () -> new RunService().run(new RunSpec(m, 64, 0, 8, false),
                (done, total, current) -> calls[0]++, () -> calls[0] >= 3));
        assertEquals(3, calls[0]);
    }

    @Test
    void aRunTooLargeToRecordIsRefusedBeforeSampling() throws Exception {
        ModelEntry m = ((ModelImport.Ready) ModelImport.check(GAUSSIANS8)).entry();
        RunSpec spec = new RunSpec(m, 4096, 0, 1_000_000, false);
        assertEquals(16L * 2 * 1_000_000 * 4097, RunService.recordedBytes(spec));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RunService().run(spec,
                (d, t, c) -> { throw new AssertionError("must not sample"); }, () -> false));
        assertTrue(e.getMessage().contains("fewer steps or a smaller batch"), e.getMessage());
    }

    @Test
    void aFrameExportsAsAPngWithItsCaption() throws Exception {
        ModelEntry m = ((ModelImport.Ready) ModelImport.check(TestPaths.home()
                .resolve("models/exact/exact-mnist-gaussian.onnx"))).entry();
        SampledRun run = new RunService().run(new RunSpec(m, 8, 0, 9, false), (d, t, c) -> { }, () -> false);
        Path png = dir.resolve("f.png");
        var en = org.pdviz.app.i18n.Texts.of(org.pdviz.app.i18n.Language.EN);
        var zh = org.pdviz.app.i18n.Texts.of(org.pdviz.app.i18n.Language.ZH);
        FrameExport.write(run, 8, png, zh);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(960, img.getWidth());
        String[] caption = FrameExport.caption(run, 4, en);
        assertTrue(caption[1].contains("t = 0.5000") && caption[0].contains("seed 0"), String.join(" | ", caption));
        String[] chinese = FrameExport.caption(run, 4, zh);
        assertTrue(chinese[1].contains("t = 0.5000") && chinese[0].contains("随机种子 0"), String.join(" | ", chinese));
    }
}
