package org.pdviz.core.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.pdviz.core.model.DataShape;

/**
 * A finite data set held in memory: {@code count} samples of one shape, row-major, in the model's
 * data range. As a {@link Dataset} it draws samples uniformly with replacement. {@code sha256} is
 * the content hash recorded in model cards: of the file's bytes for data read from a file, else of
 * the float32 values (little-endian).
 */
public final class DataTable implements Dataset {

    private final String name;
    private final DataShape shape;
    private final float[] values;
    private final String sha256;

    public DataTable(String name, DataShape shape, float[] values, String sha256) {
        if (values.length == 0 || values.length % shape.size() != 0) {
            throw new IllegalArgumentException("a data table needs a positive multiple of " + shape.size()
                    + " values, got " + values.length);
        }
        this.name = name;
        this.shape = shape;
        this.values = values;
        this.sha256 = sha256 != null ? sha256 : hashOf(values);
    }

    /** Points of {@code dim} values each, hashed by value. */
    public static DataTable points(String name, int dim, float[] values) {
        return new DataTable(name, DataShape.of(dim), values, null);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DataShape shape() {
        return shape;
    }

    public int count() {
        return values.length / shape.size();
    }

    /** The values themselves (shared, not copied: tables are large and never modified). */
    public float[] values() {
        return values;
    }

    public String sha256() {
        return sha256;
    }

    public DataTable withName(String newName) {
        return new DataTable(newName, shape, values, sha256);
    }

    /** The same samples with new values (a normalisation), keeping the source's hash. */
    public DataTable withValues(float[] newValues) {
        return new DataTable(name, shape, newValues, sha256);
    }

    /** The rows {@code indices}, in that order, as a new table hashed by value. */
    public DataTable rows(String newName, int[] indices) {
        int d = shape.size();
        float[] out = new float[indices.length * d];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * d, out, i * d, d);
        }
        return new DataTable(newName, shape, out, null);
    }

    @Override
    public void sample(Random rng, int n, float[] out, int offset) {
        int d = shape.size(), count = count();
        for (int i = 0; i < n; i++) {
            System.arraycopy(values, rng.nextInt(count) * d, out, offset + i * d, d);
        }
    }

    /** SHA-256 of float32 values, little-endian, in hex. */
    public static String hashOf(float[] values) {
        MessageDigest md = sha256Digest();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            if (!buf.hasRemaining()) {
                md.update(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putFloat(v);
        }
        md.update(buf.array(), 0, buf.position());
        return HexFormat.of().formatHex(md.digest());
    }

    public static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
