package org.pdviz.core.data.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pdviz.core.data.DataTable;
import org.pdviz.core.model.DataShape;

/**
 * NumPy's {@code .npy} (format versions 1-3, C order): {@code [N, d]} float32/float64 points, or
 * images {@code [N, H, W]} (one channel) and {@code [N, C, H, W]} of uint8, float32 or float64 with
 * values in [0, 255], mapped to [-1, 1].
 */
public final class NpyReader implements DataReader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * An array as stored: its shape, element type ({@code f4}, {@code f8} or {@code u1}, byte order
     * stripped) and values as floats, every one finite; {@code sha256} of the file's bytes.
     */
    public record Array(long[] shape, String type, float[] values, String sha256) {
    }

    /** Reads any .npy array of a supported type (C order); NaN, infinities and out-of-float values are refused. */
    public static Array array(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String hash = HexFormat.of().formatHex(DataTable.sha256Digest().digest(bytes));
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (byte m : MAGIC) {
            if (!buf.hasRemaining() || buf.get() != m) {
                throw new DataFileException(file, null, "not a NumPy .npy file (the magic string \\x93NUMPY is missing)");
            }
        }
        if (buf.remaining() < 4) {
            throw new DataFileException(file, "header", "the file ends inside the header");
        }
        int major = buf.get() & 0xff;
        buf.get();
        long headerLength = major == 1 ? buf.getShort() & 0xffff : buf.getInt() & 0xffffffffL;
        if (major < 1 || major > 3) {
            throw new DataFileException(file, "header", "unsupported .npy format version " + major);
        }
        if (headerLength > buf.remaining()) {
            throw new DataFileException(file, "header", "the file ends inside the header");
        }
        byte[] h = new byte[(int) headerLength];
        buf.get(h);
        String header = new String(h, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = find(file, DESCR, header, "descr");
        if ("True".equals(find(file, FORTRAN, header, "fortran_order"))) {
            throw new DataFileException(file, "header", "the array is in Fortran order; save it with"
                    + " np.save(f, np.ascontiguousarray(a))");
        }
        long[] shape = shape(file, find(file, SHAPE, header, "shape"));
        Dtype type = Dtype.of(file, descr);
        buf.order(type.order);
        long count = 1;
        for (long d : shape) {
            count = Math.multiplyExact(count, d);
        }
        if (count * type.bytes > buf.remaining()) {
            throw new DataFileException(file, null, "the file is truncated: the header promises " + count
                    + " values of " + type.bytes + " bytes, " + buf.remaining() + " bytes follow");
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new DataFileException(file, null, "too large: " + count + " values");
        }
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            double v = type.read(buf);
            if (!Double.isFinite(v)) {
                throw new DataFileException(file, "entry " + index(i, shape), v + " is not a finite number (NaN and"
                        + " Inf are not allowed)");
            }
            if (Math.abs(v) > Float.MAX_VALUE) {
                throw new DataFileException(file, "entry " + index(i, shape), "value " + v
                        + " does not fit a 32-bit float");
            }
            values[i] = (float) v;
        }
        return new Array(shape, descr.replaceFirst("^[<>|=]", ""), values, hash);
    }

    @Override
    public DataTable read(Path file) throws IOException {
        Array a = array(file);
        long[] shape = a.shape();
        boolean image = shape.length == 3 || shape.length == 4;
        if (shape.length != 2 && !image) {
            throw new DataFileException(file, "header", "shape " + shapeText(shape) + ": expected [N, d] points,"
                    + " [N, H, W] or [N, C, H, W] images");
        }
        if (shape[0] == 0) {
            throw new DataFileException(file, null, "no samples (shape " + shapeText(shape) + ")");
        }
        if (!image && a.type().equals("u1")) {
            throw new DataFileException(file, "header", "points of type " + a.type() + ": expected float32 or float64");
        }
        float[] values = a.values();
        if (image) {
            for (int i = 0; i < values.length; i++) {
                double v = values[i];
                if (v < 0 || v > 255) {
                    throw new DataFileException(file, "entry " + index(i, shape), "pixel value " + v
                            + " is outside [0, 255]");
                }
                values[i] = DataReader.pixel(v);
            }
        }
        int[] dims = shape.length == 2 ? new int[] {(int) shape[1]}
                : shape.length == 3 ? new int[] {1, (int) shape[1], (int) shape[2]}
                : new int[] {(int) shape[1], (int) shape[2], (int) shape[3]};
        for (int d : dims) {
            if (d == 0) {
                throw new DataFileException(file, "header", "shape " + shapeText(shape) + " has an empty axis");
            }
        }
        return new DataTable(file.getFileName().toString(), new DataShape(dims), values, a.sha256());
    }

    private static String find(Path file, Pattern p, String header, String key) throws DataFileException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new DataFileException(file, "header", "no '" + key + "' in the header " + header.strip());
        }
        return m.group(1);
    }

    private static long[] shape(Path file, String text) throws DataFileException {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String s = part.strip().replace("L", "");
            if (!s.isEmpty()) {
                try {
                    dims.add(Long.parseLong(s));
                } catch (NumberFormatException e) {
                    throw new DataFileException(file, "header", "cannot read the shape (" + text + ")");
                }
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    public static String shapeText(long[] shape) {
        return java.util.Arrays.toString(shape);
    }

    /** The multi-index of flat entry {@code i}, as NumPy prints it: [n, j] or [n, c, y, x]. */
    private static String index(long i, long[] shape) {
        long[] idx = new long[shape.length];
        for (int a = shape.length - 1; a >= 0; a--) {
            idx[a] = i % shape[a];
            i /= shape[a];
        }
        return shapeText(idx);
    }

    /** The element types read: little- or big-endian floats, and unsigned bytes. */
    private record Dtype(int bytes, boolean integer, ByteOrder order, char kind) {
        static Dtype of(Path file, String descr) throws DataFileException {
            ByteOrder order = descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            String t = descr.replaceFirst("^[<>|=]", "");
            return switch (t) {
                case "f4" -> new Dtype(4, false, order, 'f');
                case "f8" -> new Dtype(8, false, order, 'd');
                case "u1" -> new Dtype(1, true, order, 'b');
                default -> throw new DataFileException(file, "header", "element type '" + descr + "' is not"
                        + " supported: expected float32 (<f4), float64 (<f8) or, for images, uint8 (|u1)");
            };
        }

        double read(ByteBuffer buf) {
            return switch (kind) {
                case 'f' -> buf.getFloat();
                case 'd' -> buf.getDouble();
                default -> buf.get() & 0xff;
            };
        }
    }
}
