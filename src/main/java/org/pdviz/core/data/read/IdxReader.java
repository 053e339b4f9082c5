package org.pdviz.core.data.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.pdviz.core.data.DataTable;
import org.pdviz.core.model.DataShape;

/**
 * IDX files, the MNIST format, gzipped or not (told by the gzip magic bytes): {@code [N, H, W]}
 * unsigned-byte images (mapped from [0, 255] to [-1, 1]), or {@code [N, d]} float/double points.
 * Recognised by a name ending in {@code .idx}, {@code -ubyte}, {@code .idx3-ubyte} and the like,
 * optionally followed by {@code .gz}.
 */
public final class IdxReader implements DataReader {

    /** A name ending in .idx, -ubyte, .idx3-ubyte and the like, optionally .gz; not a folder. */
    static boolean takes(Path file) {
        String n = DataReaders.lower(file);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        return !Files.isDirectory(file) && (n.endsWith(".idx") || n.endsWith("ubyte") || n.matches(".*\\.idx\\d.*"));
    }

    @Override
    public DataTable read(Path file) throws IOException {
        byte[] stored = Files.readAllBytes(file);
        String hash = HexFormat.of().formatHex(DataTable.sha256Digest().digest(stored));
        byte[] bytes = stored;
        if (stored.length >= 2 && (stored[0] & 0xff) == 0x1f && (stored[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored), 1 << 16)) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new DataFileException(file, null, "the gzip stream is damaged (" + e.getMessage() + ")");
            }
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        if (buf.remaining() < 4 || buf.get() != 0 || buf.get() != 0) {
            throw new DataFileException(file, null, "not an IDX file (it must start with two zero bytes)");
        }
        int type = buf.get() & 0xff, rank = buf.get() & 0xff;
        int size = switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> throw new DataFileException(file, "header", "unknown IDX element type 0x"
                    + Integer.toHexString(type));
        };
        if (buf.remaining() < 4L * rank) {
            throw new DataFileException(file, "header", "the file ends inside the header");
        }
        long[] shape = new long[rank];
        long count = 1;
        for (int a = 0; a < rank; a++) {
            shape[a] = buf.getInt() & 0xffffffffL;
            count *= shape[a];
        }
        if (rank == 1) {
            throw new DataFileException(file, "header", "a 1-D IDX file (labels?), not data: expected [N, H, W]"
                    + " images or [N, d] points");
        }
        if (rank != 2 && rank != 3) {
            throw new DataFileException(file, "header", "shape " + java.util.Arrays.toString(shape)
                    + ": expected [N, H, W] images or [N, d] points");
        }
        if (count == 0) {
            throw new DataFileException(file, null, "no samples (shape " + java.util.Arrays.toString(shape) + ")");
        }
        if (count * size > buf.remaining()) {
            throw new DataFileException(file, null, "the file is truncated: the header promises " + count + " values, "
                    + buf.remaining() / size + " follow");
        }
        boolean image = rank == 3;
        if (image && type != 0x08) {
            throw new DataFileException(file, "header", "images must be unsigned bytes (type 0x08), got type 0x"
                    + Integer.toHexString(type));
        }
        if (!image && type != 0x0D && type != 0x0E) {
            throw new DataFileException(file, "header", "points must be float (0x0D) or double (0x0E), got type 0x"
                    + Integer.toHexString(type));
        }
        float[] values = new float[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            double v = image ? buf.get() & 0xff : type == 0x0D ? buf.getFloat() : buf.getDouble();
            if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
                throw new DataFileException(file, "entry [" + i / shape[1] + ", " + i % shape[1] + "]", v
                        + " is not a finite 32-bit number (NaN and Inf are not allowed)");
            }
            values[i] = image ? DataReader.pixel(v) : (float) v;
        }
        DataShape s = image ? DataShape.of(1, (int) shape[1], (int) shape[2]) : DataShape.of((int) shape[1]);
        return new DataTable(file.getFileName().toString(), s, values, hash);
    }
}
