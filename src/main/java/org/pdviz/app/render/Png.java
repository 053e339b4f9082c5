package org.pdviz.app.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.pdviz.runtime.AtomicFiles;

/** PNG output, written atomically. */
public final class Png {

    private Png() {
    }

    public static BufferedImage image(Raster r) {
        BufferedImage img = new BufferedImage(r.width(), r.height(), BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, r.width(), r.height(), r.argb(), 0, r.width());
        return img;
    }

    public static void write(BufferedImage img, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
