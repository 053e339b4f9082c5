package org.pdviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.export.GifFiles;
import org.pdviz.runtime.TestPaths;

class ExportCommandTest {

    static final Path GAUSSIAN = TestPaths.home().resolve("models/exact/exact-gaussian-2d.onnx");
    static final Path DIGITS = TestPaths.home().resolve("models/exact/exact-mnist-class-means.onnx");

    @TempDir
    Path dir;

    @Test
    void exportsSamplingAsPngFramesAndALoopingGif() throws Exception {
        Path out = dir.resolve("s");
        var r = SampleCommandTest.run("export", "--model", DIGITS.toString(), "--what", "sampling", "--steps", "8",
                "--count", "4", "--frames", "4", "--seed", "3", "--gif", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        // 3 of the 8 steps (first, middle, last) and the result
        for (int i = 0; i < 4; i++) {
            Path f = out.resolve(String.format("sampling-%04d.png", i));
            assertTrue(Files.exists(f), f.toString());
            assertEquals(1280, ImageIO.read(f.toFile()).getWidth());
        }
        assertFalse(Files.exists(out.resolve("sampling-0004.png")));
        GifFiles.Info gif = GifFiles.read(out.resolve("sampling.gif"));
        assertEquals(4, gif.frames());
        assertTrue(gif.loopsForever());
        assertTrue(r.out().contains("4 frames of sampling"), r.out());
    }

    @Test
    void exportsThePhiScrubForPoints() throws Exception {
        Path out = dir.resolve("p");
        var r = SampleCommandTest.run("export", "--model", GAUSSIAN.toString(), "--what", "phi", "--steps", "32",
                "--count", "64", "--frames", "3", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        for (int i = 0; i < 3; i++) {
            assertTrue(Files.exists(out.resolve(String.format("phi-%04d.png", i))));
        }
        assertFalse(Files.exists(out.resolve("phi.gif")), "no GIF without --gif");
        assertTrue(r.err().contains("independent noise"), "2-D data notice: " + r.err());
    }

    @Test
    void slidesSpeakTheLanguageAsked() throws Exception {
        Path en = dir.resolve("en"), zh = dir.resolve("zh");
        for (Path out : new Path[] {en, zh}) {
            var r = SampleCommandTest.run("export", "--model", DIGITS.toString(), "--what", "sampling", "--steps", "2",
                    "--count", "1", "--frames", "2", "--lang", out == en ? "en" : "zh", "--out", out.toString());
            assertEquals(0, r.status(), r.err());
        }
        var english = ImageIO.read(en.resolve("sampling-0000.png").toFile());
        var chinese = ImageIO.read(zh.resolve("sampling-0000.png").toFile());
        assertFalse(java.util.Arrays.equals(header(english), header(chinese)), "the header's words differ");
        var lang = SampleCommandTest.run("export", "--model", DIGITS.toString(), "--lang", "fr", "--out",
                dir.resolve("fr").toString());
        assertEquals(1, lang.status());
        assertTrue(lang.err().strip().lines().count() == 1 && lang.err().contains("--lang"), lang.err());
    }

    private static int[] header(java.awt.image.BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), 60, null, 0, img.getWidth());
    }

    @Test
    void badInputsFailWithOneLine() {
        var what = SampleCommandTest.run("export", "--model", GAUSSIAN.toString(), "--what", "movie", "--out",
                dir.resolve("x").toString());
        assertEquals(1, what.status());
        assertTrue(what.err().strip().lines().count() == 1 && what.err().contains("sampling or phi"), what.err());
        var frames = SampleCommandTest.run("export", "--model", GAUSSIAN.toString(), "--frames", "1", "--out",
                dir.resolve("y").toString());
        assertEquals(1, frames.status());
        assertTrue(frames.err().contains("--frames must be at least 2"), frames.err());
        var missing = SampleCommandTest.run("export", "--model", dir.resolve("none.onnx").toString(), "--out",
                dir.resolve("z").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }
}
