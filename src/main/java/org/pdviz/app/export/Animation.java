package org.pdviz.app.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pdviz.runtime.AtomicFiles;

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
        int n = frames.count();
        int total = gif ? 2 * n : n;
        List<Path> files = new ArrayList<>(n);
        int digits = Math.max(4, Integer.toString(n - 1).length());
        // the frames appear together, once every one is complete: a failure half-way leaves the folder as it was
        Map<Path, AtomicFiles.Writer> pngs = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Path f = dir.resolve(String.format(Locale.ROOT, "%s-%0" + digits + "d.png", stem, i));
            int index = i;
            pngs.put(f, out -> {
                java.awt.image.BufferedImage img;
                try {
                    img = frames.frame(index);
                } catch (IOException | RuntimeException e) {
                    throw new FrameFailed(index, e);
                } catch (Exception e) {
                    throw new FrameFailed(index, e);
                }
                if (!javax.imageio.ImageIO.write(img, "png", out)) {
                    throw new IOException("no PNG writer available");
                }
                progress.update(index + 1, total);
            });
            files.add(f);
        }
        try {
            AtomicFiles.writeAll(pngs);
        } catch (FrameFailed e) {
            throw new IOException("frame " + e.index + ": " + e.getCause().getMessage(), e.getCause());
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

    /** Making a frame failed (not writing it): carried out of the file writer as it is. */
    private static final class FrameFailed extends RuntimeException {
        final int index;

        FrameFailed(int index, Exception cause) {
            super(cause);
            this.index = index;
        }
    }
}
