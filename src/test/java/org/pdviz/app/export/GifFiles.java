package org.pdviz.app.export;

import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

/** Reads a GIF back the way a viewer would: frames, their delays and the loop extension. */
public final class GifFiles {

    /** What a GIF holds. */
    public record Info(int frames, int width, int height, int[] delaysCs, boolean loopsForever) {
    }

    private GifFiles() {
    }

    public static Info read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            try {
                reader.setInput(in);
                int n = reader.getNumImages(true);
                int[] delays = new int[n];
                boolean loop = false;
                for (int i = 0; i < n; i++) {
                    IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i)
                            .getAsTree("javax_imageio_gif_image_1.0");
                    var gce = root.getElementsByTagName("GraphicControlExtension");
                    if (gce.getLength() > 0) {
                        delays[i] = Integer.parseInt(((IIOMetadataNode) gce.item(0)).getAttribute("delayTime"));
                    }
                    var apps = root.getElementsByTagName("ApplicationExtension");
                    for (int k = 0; k < apps.getLength(); k++) {
                        IIOMetadataNode app = (IIOMetadataNode) apps.item(k);
                        byte[] data = (byte[]) app.getUserObject();
                        if ("NETSCAPE".equals(app.getAttribute("applicationID")) && data != null && data.length == 3
                                && data[0] == 1 && data[1] == 0 && data[2] == 0) {
                            loop = true;
                        }
                    }
                }
                var first = reader.read(0);
                return new Info(n, first.getWidth(), first.getHeight(), delays, loop);
            } finally {
                reader.dispose();
            }
        }
    }
}
