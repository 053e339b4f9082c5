package org.pdviz.app.export;

import java.awt.image.BufferedImage;

/** The frames of an animation, made on demand (so a long one never sits in memory whole). */
public interface FrameSource {

    int count();

    /** Frame {@code i} (0-based), an opaque RGB image; all frames have the same size. */
    BufferedImage frame(int i) throws Exception;

    /** How long frame {@code i} is shown in a GIF, in milliseconds (the last one is held longer). */
    default int delayMillis(int i) {
        return i == count() - 1 ? 2000 : 120;
    }
}
