package org.pdviz.core.data.read;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.pdviz.core.data.DataTable;
import org.pdviz.core.model.DataShape;

/**
 * A folder of PNG or JPEG images, all one size, in file-name order: grayscale ({@code [1, H, W]})
 * when every image is grayscale, else RGB ({@code [3, H, W]}, a grayscale image repeated in every
 * channel); alpha is ignored. Pixels map from [0, 255] to [-1, 1]. The hash covers every image's
 * name and bytes.
 */
public final class ImageFolderReader implements DataReader {

    @Override
    public DataTable read(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> Files.isRegularFile(p) && isImage(p)).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new DataFileException(folder, null, "no PNG or JPEG files in the folder");
        }
        MessageDigest md = DataTable.sha256Digest();
        BufferedImage[] images = new BufferedImage[files.size()];
        boolean color = false;
        for (int i = 0; i < images.length; i++) {
            Path f = files.get(i);
            byte[] bytes = Files.readAllBytes(f);
            md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            md.update(bytes);
            BufferedImage img;
            try {
                img = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            } catch (IOException | RuntimeException e) {
                img = null;
            }
            if (img == null) {
                throw new DataFileException(folder, "image " + f.getFileName(), "not a readable PNG or JPEG image");
            }
            if (i > 0 && (img.getWidth() != images[0].getWidth() || img.getHeight() != images[0].getHeight())) {
                throw new DataFileException(folder, "image " + f.getFileName(), img.getWidth() + "x" + img.getHeight()
                        + ", but " + files.get(0).getFileName() + " is " + images[0].getWidth() + "x"
                        + images[0].getHeight() + " (all images must be one size)");
            }
            color |= !isGray(img);
            images[i] = img;
        }
        int h = images[0].getHeight(), w = images[0].getWidth(), c = color ? 3 : 1;
        float[] values = new float[Math.multiplyExact(images.length, c * h * w)];
        int[] row = new int[w];
        for (int i = 0; i < images.length; i++) {
            int base = i * c * h * w;
            BufferedImage img = images[i];
            if (isSingleChannel(img)) {
                // the raster itself: getRGB would pass gray through a gamma curve (128 becomes ~186)
                double max = (1 << img.getColorModel().getComponentSize(0)) - 1;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        float v = DataReader.pixel(img.getRaster().getSample(x, y, 0) * 255.0 / max);
                        for (int ch = 0; ch < c; ch++) {
                            values[base + ch * h * w + y * w + x] = v;
                        }
                    }
                }
                continue;
            }
            for (int y = 0; y < h; y++) {
                img.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int p = row[x];
                    int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, bl = p & 0xff;
                    if (c == 1) {
                        values[base + y * w + x] = DataReader.pixel(r);
                    } else {
                        values[base + y * w + x] = DataReader.pixel(r);
                        values[base + h * w + y * w + x] = DataReader.pixel(g);
                        values[base + 2 * h * w + y * w + x] = DataReader.pixel(bl);
                    }
                }
            }
        }
        return new DataTable(folder.getFileName().toString(), DataShape.of(c, h, w), values,
                HexFormat.of().formatHex(md.digest()));
    }

    private static boolean isImage(Path p) {
        String n = DataReaders.lower(p);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    private static boolean isSingleChannel(BufferedImage img) {
        return img.getColorModel().getNumColorComponents() == 1
                && !(img.getColorModel() instanceof java.awt.image.IndexColorModel);
    }

    /** A single-channel image, or an RGB one whose every pixel has r = g = b, counts as grayscale. */
    private static boolean isGray(BufferedImage img) {
        if (isSingleChannel(img)) {
            return true;
        }
        int w = img.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < img.getHeight(); y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int p : row) {
                int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
                if (r != g || g != b) {
                    return false;
                }
            }
        }
        return true;
    }
}
