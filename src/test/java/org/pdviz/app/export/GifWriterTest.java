package org.pdviz.app.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GifWriterTest {

    @TempDir
    Path dir;

    /** Frame i: a solid colour with a bar at x = 10 i, so frames differ. */
    static FrameSource frames(int n) {
        return new FrameSource() {
            @Override
            public int count() {
                return n;
            }

            @Override
            public BufferedImage frame(int i) {
                BufferedImage img = new BufferedImage(80, 40, BufferedImage.TYPE_INT_ARGB);
                var g = img.createGraphics();
                g.setColor(new Color(20 * i, 100, 200));
                g.fillRect(0, 0, 80, 40);
                g.setColor(Color.WHITE);
                g.fillRect(10 * i, 0, 6, 40);
                g.dispose();
                return img;
            }
        };
    }

    @Test
    void writesALoopingMultiFrameGifWithTheDelays() throws Exception {
        Path gif = dir.resolve("a.gif");
        List<Integer> progress = new ArrayList<>();
        GifWriter.write(gif, frames(4), progress::add);
        GifFiles.Info info = GifFiles.read(gif);
        assertEquals(4, info.frames());
        assertEquals(80, info.width());
        assertEquals(40, info.height());
        assertTrue(info.loopsForever(), "NETSCAPE2.0 loop extension");
        assertArrayEquals(new int[] {12, 12, 12, 200}, info.delaysCs(), "120 ms, the last held 2 s");
        assertEquals(List.of(1, 2, 3, 4), progress);
        // the frames are the pictures: the white bar moves
        var reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            for (int i = 0; i < 4; i++) {
                BufferedImage f = reader.read(i);
                assertEquals(0xFFFFFF, f.getRGB(10 * i + 3, 20) & 0xFFFFFF, "bar of frame " + i);
            }
        }
    }

    @Test
    void pngFramesAndGifFromAnimation() throws Exception {
        List<String> seen = new ArrayList<>();
        Animation.Written w = Animation.write(frames(3), dir.resolve("out"), "anim", true,
                (done, total) -> seen.add(done + "/" + total));
        assertEquals(3, w.frames().size());
        assertEquals("anim-0000.png", w.frames().get(0).getFileName().toString());
        assertEquals("anim-0002.png", w.frames().get(2).getFileName().toString());
        for (Path f : w.frames()) {
            assertEquals(80, ImageIO.read(f.toFile()).getWidth());
        }
        assertEquals(3, GifFiles.read(w.gif()).frames());
        assertEquals(List.of("1/6", "2/6", "3/6", "4/6", "5/6", "6/6"), seen);
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(4, files.count(), "three PNGs and the GIF, no partial files");
        }
    }

    @Test
    void refusesAnEmptyAnimation() {
        assertThrows(IllegalArgumentException.class, () -> GifWriter.write(dir.resolve("x.gif"), frames(0), i -> { }));
    }
}
