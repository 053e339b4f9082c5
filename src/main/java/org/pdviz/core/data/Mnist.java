package org.pdviz.core.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.pdviz.core.data.read.DataReader;
import org.pdviz.core.model.DataShape;

/**
 * The MNIST digits shipped under {@code assets/mnist} (IDX files, see make-mnist.sh), scaled to
 * [-1, 1]. A fixed split: every digit whose index is a multiple of 10 is held out for evaluation,
 * the others are for training.
 */
public final class Mnist {

    public static final String IMAGES = "mnist-images-idx3-ubyte.gz";
    public static final String LABELS = "mnist-labels-idx1-ubyte.gz";
    public static final DataShape SHAPE = DataShape.of(1, 28, 28);
    private static final int HELD_OUT_EVERY = 10;

    private final byte[] pixels;
    private final byte[] labels;
    private final int count;

    private Mnist(byte[] pixels, byte[] labels) {
        this.pixels = pixels;
        this.labels = labels;
        this.count = labels.length;
    }

    /** Loads from a folder holding the two IDX files. */
    public static Mnist load(Path folder) throws IOException {
        byte[] images = readIdx(folder.resolve(IMAGES), 0x803);
        byte[] labels = readIdx(folder.resolve(LABELS), 0x801);
        if (images.length != labels.length * SHAPE.size()) {
            throw new IOException("MNIST images and labels disagree: " + images.length / SHAPE.size() + " images, "
                    + labels.length + " labels");
        }
        return new Mnist(images, labels);
    }

    private static byte[] readIdx(Path file, int magic) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("missing MNIST file " + file + " (see assets/mnist/make-mnist.sh)");
        }
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            int m = in.readInt();
            if (m != magic) {
                throw new IOException(file + " is not an IDX file of the expected kind (magic " + Integer.toHexString(m)
                        + ")");
            }
            int dims = m & 0xff;
            long n = 1;
            for (int i = 0; i < dims; i++) {
                n *= in.readInt();
            }
            byte[] data = new byte[Math.toIntExact(n)];
            in.readFully(data);
            return data;
        }
    }

    public int count() {
        return count;
    }

    public int label(int index) {
        return labels[index];
    }

    public boolean isHeldOut(int index) {
        return index % HELD_OUT_EVERY == 0;
    }

    /** Pixel values of one digit in [-1, 1]. */
    public void image(int index, float[] out, int offset) {
        int base = index * SHAPE.size();
        for (int j = 0; j < SHAPE.size(); j++) {
            out[offset + j] = DataReader.pixel(pixels[base + j] & 0xff);
        }
    }

    /** Indices of one split, in order. */
    public int[] indices(boolean heldOut) {
        return java.util.stream.IntStream.range(0, count).filter(i -> isHeldOut(i) == heldOut).toArray();
    }

    /** The digits of one split as a dataset that draws uniformly with replacement. */
    public Dataset split(boolean heldOut) {
        int[] idx = indices(heldOut);
        return Dataset.of(heldOut ? "mnist-heldout" : "mnist", SHAPE,
                (rng, out, offset) -> image(idx[rng.nextInt(idx.length)], out, offset));
    }

    /** All digits of a split, row-major, in index order. */
    public float[] images(boolean heldOut) {
        int[] idx = indices(heldOut);
        float[] out = new float[idx.length * SHAPE.size()];
        for (int i = 0; i < idx.length; i++) {
            image(idx[i], out, i * SHAPE.size());
        }
        return out;
    }
}
