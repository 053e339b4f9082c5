package org.pdviz.train.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.pdviz.runtime.AtomicFiles;

/**
 * Everything needed to continue a training run exactly where it stopped: the position (round,
 * iterations done in it), the random generator's state, the optimiser's step count, recent losses,
 * and named groups of tensors (weights, EMA, Adam moments). Saved atomically with a CRC, so a run
 * killed at any moment leaves either the previous state or the new one.
 *
 * <p>File: "PDVZST01", a JSON header (length-prefixed UTF-8), the tensor groups (name, then each
 * tensor's name, length and little-endian floats), and the CRC32 of all preceding bytes.
 */
public record TrainingState(Header header, Map<String, Map<String, float[]>> groups) {

    private static final byte[] MAGIC = "PDVZST01".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String WEIGHTS = "weights";
    public static final String EMA = "ema";
    public static final String ADAM_M = "adam.m";
    public static final String ADAM_V = "adam.v";

    /**
     * @param iteration iterations completed in {@code round}
     * @param info      small extra facts (e.g. which engine runs the teacher), kept as strings
     */
    public record Header(String kind, int round, long iteration, long rngState, long adamStep, double[] recentLosses,
                         double seconds, Map<String, String> info) {
        public Header {
            recentLosses = recentLosses == null ? new double[0] : recentLosses.clone();
            info = info == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(info));
        }
    }

    public TrainingState {
        Map<String, Map<String, float[]>> copy = new LinkedHashMap<>();
        groups.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        groups = Collections.unmodifiableMap(copy);
    }

    public Map<String, float[]> group(String name) {
        Map<String, float[]> g = groups.get(name);
        if (g == null) {
            throw new IllegalStateException("the saved state has no '" + name + "' tensors");
        }
        return g;
    }

    public boolean has(String name) {
        return groups.containsKey(name);
    }

    public void write(Path file) throws IOException {
        AtomicFiles.write(file, raw -> {
            CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
            DataOutputStream out = new DataOutputStream(checked);
            out.write(MAGIC);
            byte[] head = JSON.writeValueAsBytes(header);
            out.writeInt(head.length);
            out.write(head);
            out.writeInt(groups.size());
            for (Map.Entry<String, Map<String, float[]>> g : groups.entrySet()) {
                out.writeUTF(g.getKey());
                out.writeInt(g.getValue().size());
                for (Map.Entry<String, float[]> t : g.getValue().entrySet()) {
                    out.writeUTF(t.getKey());
                    float[] v = t.getValue();
                    out.writeInt(v.length);
                    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                    b.asFloatBuffer().put(v);
                    out.write(b.array());
                }
            }
            out.flush();
            long crc = checked.getChecksum().getValue();
            out.writeLong(crc);
            out.flush();
        });
    }

    public static TrainingState read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + " is not a pdviz training state");
            }
            byte[] head = new byte[in.readInt()];
            in.readFully(head);
            Header header = JSON.readValue(head, Header.class);
            int groupCount = in.readInt();
            Map<String, Map<String, float[]>> groups = new LinkedHashMap<>();
            for (int g = 0; g < groupCount; g++) {
                String name = in.readUTF();
                int n = in.readInt();
                Map<String, float[]> tensors = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    String tn = in.readUTF();
                    int len = in.readInt();
                    byte[] bytes = new byte[len * 4];
                    in.readFully(bytes);
                    float[] v = new float[len];
                    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                    tensors.put(tn, v);
                }
                groups.put(name, tensors);
            }
            long expected = checked.getChecksum().getValue();
            long stored = new DataInputStream(raw).readLong();
            if (stored != expected) {
                throw new IOException(file + " is damaged (checksum mismatch)");
            }
            return new TrainingState(header, groups);
        } catch (EOFException e) {
            throw new IOException(file + " is truncated", e);
        }
    }
}
