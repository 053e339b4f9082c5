package org.pdviz.runtime.features;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.pdviz.core.data.Mnist;
import org.pdviz.core.metrics.FeatureMap;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.ModelFiles;
import org.pdviz.runtime.OrtSessions;
import org.pdviz.runtime.Signature;
import org.pdviz.runtime.card.CardException;

/**
 * An MNIST classifier run by ONNX Runtime whose penultimate layer gives the features for FID and
 * KID. The contract (checked on open, every problem named):
 * <ul>
 *   <li>one input {@code x}: float {@code [B, 1, 28, 28]}, pixels in [-1, 1] (as {@link Mnist} and
 *       the diffusion models use them), B symbolic;</li>
 *   <li>outputs {@code features}: float {@code [B, F]} (the penultimate activations, F fixed) and
 *       {@code logits}: float {@code [B, 10]} (class scores for digits 0..9, argmax = prediction);</li>
 *   <li>optionally a {@link ClassifierCard} in metadata_props under {@code pdviz.classifier}.</li>
 * </ul>
 */
public final class OnnxClassifier implements FeatureMap, AutoCloseable {

    public static final String INPUT = "x";
    public static final String FEATURES = "features";
    public static final String LOGITS = "logits";
    public static final int CLASSES = 10;
    private static final int SIZE = Mnist.SHAPE.size();
    private static final int BATCH = 256;

    private final Path file;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final ClassifierCard card;
    private final int dim;

    private OnnxClassifier(Path file, OrtEnvironment env, OrtSession session, ClassifierCard card, int dim) {
        this.file = file;
        this.env = env;
        this.session = session;
        this.card = card;
        this.dim = dim;
    }

    public static OnnxClassifier open(Path file) throws ModelFileException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, Files.exists(file) ? "not a regular file" : "no such file");
        }
        OrtEnvironment env = OrtSessions.env();
        OrtSession session;
        try (OrtSession.SessionOptions options = OrtSessions.options()) {
            session = env.createSession(Files.readAllBytes(file), options);
        } catch (OrtException | IOException e) {
            throw new ModelFileException(file, "not a readable ONNX model (" + ModelFileException.oneLine(e.getMessage())
                    + ")", e);
        }
        try {
            int dim = validate(file, session);
            String json = session.getMetadata().getCustomMetadata().get(ClassifierCard.METADATA_KEY);
            ClassifierCard card = json == null ? null : ClassifierCard.read(json);
            return new OnnxClassifier(file, env, session, card, dim);
        } catch (OrtException | CardException | ModelFileException | RuntimeException e) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // being discarded
            }
            if (e instanceof ModelFileException m) {
                throw m;
            }
            throw new ModelFileException(file, ModelFileException.oneLine(e.getMessage()), e);
        }
    }

    /**
     * Whether a graph's signature is that of a feature classifier (one input {@code x}, outputs
     * {@code features} and {@code logits}): how a model library tells it from a denoiser without
     * opening it as one.
     */
    public static boolean matches(Signature signature) {
        return signature.inputs().size() == 1 && signature.input(INPUT) != null
                && signature.outputs().stream().anyMatch(t -> t.name().equals(FEATURES))
                && signature.outputs().stream().anyMatch(t -> t.name().equals(LOGITS));
    }

    /** Checks the contract; returns the feature count F. */
    private static int validate(Path file, OrtSession session) throws OrtException, ModelFileException {
        Map<String, NodeInfo> in = session.getInputInfo(), out = session.getOutputInfo();
        if (in.size() != 1 || !in.containsKey(INPUT)) {
            throw new ModelFileException(file, "a feature classifier needs exactly one input named 'x' [B, 1, 28, 28],"
                    + " found " + in.keySet());
        }
        long[] x = floatShape(file, in.get(INPUT));
        if (x.length != 4 || (x[1] > 0 && x[1] != 1) || (x[2] > 0 && x[2] != 28) || (x[3] > 0 && x[3] != 28)) {
            throw new ModelFileException(file, "input 'x' must be [B, 1, 28, 28], found " + dims(x));
        }
        if (!out.containsKey(FEATURES) || !out.containsKey(LOGITS)) {
            throw new ModelFileException(file, "a feature classifier needs outputs named 'features' [B, F] and"
                    + " 'logits' [B, 10], found " + out.keySet());
        }
        long[] f = floatShape(file, out.get(FEATURES)), l = floatShape(file, out.get(LOGITS));
        if (l.length != 2 || (l[1] > 0 && l[1] != CLASSES)) {
            throw new ModelFileException(file, "output 'logits' must be [B, 10], found " + dims(l));
        }
        if (f.length != 2 || f[1] <= 0) {
            throw new ModelFileException(file, "output 'features' must be [B, F] with F fixed, found " + dims(f));
        }
        return (int) f[1];
    }

    private static long[] floatShape(Path file, NodeInfo n) throws ModelFileException {
        if (!(n.getInfo() instanceof TensorInfo ti) || ti.type != OnnxJavaType.FLOAT) {
            throw new ModelFileException(file, "'" + n.getName() + "' must be a float tensor");
        }
        return ti.getShape();
    }

    private static String dims(long[] s) {
        return Arrays.toString(Arrays.stream(s).mapToObj(d -> d < 0 ? "?" : Long.toString(d)).toArray());
    }

    public Path file() {
        return file;
    }

    /** The stored card, or null when the file has none. */
    public ClassifierCard card() {
        return card;
    }

    /** The card's name, else the file name without {@code .onnx}. */
    @Override
    public String id() {
        if (card != null && card.name() != null) {
            return card.name();
        }
        return ModelFiles.baseName(file);
    }

    @Override
    public int inputSize() {
        return SIZE;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public void features(float[] inputs, int count, float[] out) throws OrtException {
        run(inputs, count, FEATURES, dim, out);
    }

    /** Class scores, {@code count x 10}. */
    public void logits(float[] inputs, int count, float[] out) throws OrtException {
        run(inputs, count, LOGITS, CLASSES, out);
    }

    /** Predicted digits (argmax of the logits). */
    public int[] predict(float[] inputs, int count) throws OrtException {
        float[] logits = new float[count * CLASSES];
        logits(inputs, count, logits);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                if (logits[i * CLASSES + c] > logits[i * CLASSES + best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** Accuracy on a split of MNIST: correct predictions over digits. */
    public record Accuracy(int correct, int total) {
        public double fraction() {
            return total == 0 ? 0 : (double) correct / total;
        }
    }

    /** Accuracy on the fixed held-out split (every tenth digit), which no project model trains on. */
    public Accuracy heldOutAccuracy(Mnist mnist) throws OrtException {
        int[] idx = mnist.indices(true);
        float[] images = mnist.images(true);
        int[] predicted = predict(images, idx.length);
        int correct = 0;
        for (int i = 0; i < idx.length; i++) {
            correct += predicted[i] == mnist.label(idx[i]) ? 1 : 0;
        }
        return new Accuracy(correct, idx.length);
    }

    private synchronized void run(float[] inputs, int count, String output, int width, float[] out)
            throws OrtException {
        if (inputs.length < count * SIZE || out.length < count * width) {
            throw new IllegalArgumentException("classifier buffers too small for " + count + " images");
        }
        FloatBuffer buf = ByteBuffer.allocateDirect(Math.min(count, BATCH) * SIZE * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int b0 = 0; b0 < count; b0 += BATCH) {
            int b = Math.min(BATCH, count - b0);
            buf.clear();
            buf.put(inputs, b0 * SIZE, b * SIZE);
            buf.flip();
            try (OnnxTensor x = OnnxTensor.createTensor(env, buf, new long[] {b, 1, 28, 28});
                 OrtSession.Result r = session.run(Map.of(INPUT, x), Set.of(output))) {
                FloatBuffer got = ((OnnxTensor) r.get(output).orElseThrow()).getFloatBuffer();
                if (got.remaining() != b * width) {
                    throw new IllegalStateException("'" + output + "' returned " + got.remaining() + " values for "
                            + b + " images, expected " + b * width);
                }
                got.get(out, b0 * width, b * width);
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing useful to do
        }
    }
}
