package org.pdviz.app.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pdviz.app.render.Png;

/** Writes an animation for slides: numbered PNG frames and, when asked, one looping GIF. */
public final class Animation {

    /** Frames done out of all to do. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void update(int done, int total);
    }

    /** What was written: the frames in order and the GIF (null when not asked for). */
    public record Written(List<Path> frames, Path gif) {
    }

    private Animation() {
    }

    /**
     * Writes {@code DIR/STEM-0000.png ...} and, with {@code gif}, {@code DIR/STEM.gif}. Progress counts
     * frames written, GIF frames after the PNGs (2 * count in all with a GIF).
     */
    public static Written write(FrameSource frames, Path dir, String stem, boolean gif, Progress progress)
            throws IOException {
        checkWritable(dir);
        int n = frames.count();
        int total = gif ? 2 * n : n;
        List<Path> files = new ArrayList<>(n);
        int digits = Math.max(4, Integer.toString(n - 1).length());
        for (int i = 0; i < n; i++) {
            Path f = dir.resolve(String.format(Locale.ROOT, "%s-%0" + digits + "d.png", stem, i));
            try {
                Png.write(frames.frame(i), f);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("frame " + i + ": " + e.getMessage(), e);
            }
            files.add(f);
            progress.update(i + 1, total);
        }
        Path gifFile = null;
        if (gif) {
            gifFile = dir.resolve(stem + ".gif");
            // the GIF re-reads the PNGs: decoding is cheaper than drawing (and evaluating) again
            GifWriter.write(gifFile, new FrameSource() {
                @Override
                public int count() {
                    return n;
                }

                @Override
                public java.awt.image.BufferedImage frame(int i) throws IOException {
                    return javax.imageio.ImageIO.read(files.get(i).toFile());
                }

                @Override
                public int delayMillis(int i) {
                    return frames.delayMillis(i);
                }
            }, i -> progress.update(n + i, total));
        }
        return new Written(List.copyOf(files), gifFile);
    }

    /** Fails before any work when the folder cannot be written. */
    public static void checkWritable(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create output folder '" + dir + "' (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IOException("cannot write to output folder '" + dir + "'");
        }
    }
}
