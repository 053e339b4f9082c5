package org.pdviz.runtime;

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
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.model.Denoiser;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.core.model.TimeInput;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.Schedule;
import org.pdviz.runtime.card.CardCheck;
import org.pdviz.runtime.card.CardException;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.card.ModelCard;

/**
 * A model file run by ONNX Runtime. Opening reads its card and checks the graph against it
 * ({@link Contract}): the sample input and the time input the card names (default {@code z} and
 * {@code t}; the time per sample [B] or one for the whole batch, float, or int64 for a timestep
 * index), one float output of any name. The sampler's positions become the card's
 * {@link TimeInput} here. Inputs and outputs go through direct, native-order buffers bound once per
 * batch size, so a call costs two copies on top of the engine.
 */
public final class OnnxDenoiser implements Denoiser {

    private final Path file;
    private final ModelCard card;
    private final boolean hasCard;
    private final Signature signature;
    private final Device device;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final DataShape shape;
    private final Parameterization parameterization;
    private final String outputName;
    /** The batch size the graph fixes, or 0: calls then go in chunks of exactly this many, the last padded. */
    private final int fixedBatch;
    private final Schedule schedule;
    private final TimeInput timeInput;
    private final TimeTensor time;
    private final Map<Integer, Binding> bindings = new LinkedHashMap<>();
    private float lastPosition = Float.NaN;
    private double lastTimeValue;

    private OnnxDenoiser(Path file, ModelCard card, boolean hasCard, Signature signature, Device device,
                         OrtEnvironment env, OrtSession session) {
        this.file = file;
        this.card = card;
        this.hasCard = hasCard;
        this.signature = signature;
        this.device = device;
        this.env = env;
        this.session = session;
        this.shape = card.shapeValue();
        this.parameterization = card.parameterizationValue();
        this.outputName = signature.outputs().get(0).name();
        this.fixedBatch = Contract.fixedBatch(signature, card.inputsValue());
        this.schedule = card.scheduleValue();
        this.timeInput = card.timeInputValue();
        this.time = TimeTensor.of(signature, card.inputsValue());
    }

    /** How the graph takes time: its input names, element type, and the shape of one value for the whole batch. */
    private record TimeTensor(String zName, String tName, boolean int64, long[] sharedShape) {
        static TimeTensor of(Signature sig, ModelCard.Inputs names) {
            Signature.Tensor t = sig.input(names.t());
            return new TimeTensor(names.z(), names.t(), t.type().equals("int64"),
                    Contract.sharedTime(t) ? t.shape() : null);
        }

        boolean shared() {
            return sharedShape != null;
        }
    }

    /** Opens on the CPU with the card as stored. */
    public static OnnxDenoiser open(Path file) throws ModelFileException {
        return open(file, CardOverrides.NONE, Device.CPU, line -> { });
    }

    /**
     * Opens a model file.
     *
     * @param notices receives one line when the requested device is not usable and the CPU is used
     */
    public static OnnxDenoiser open(Path file, CardOverrides overrides, Device device, Consumer<String> notices)
            throws ModelFileException {
        return open(file, overrides, device, notices, OrtSessions.Tuning.DEFAULT);
    }

    /** Opens a model file with session settings of its own (threads, optimisation level, arena). */
    public static OnnxDenoiser open(Path file, CardOverrides overrides, Device device, Consumer<String> notices,
                                    OrtSessions.Tuning tuning) throws ModelFileException {
        byte[] bytes = readBytes(file);
        OrtEnvironment env = OrtSessions.env();
        Device actual = device;
        OrtSession session;
        try {
            session = createSession(env, bytes, device, tuning);
        } catch (OrtException e) {
            if (device == Device.CPU) {
                throw new ModelFileException(file, "not a valid ONNX model (" + ModelFileException.oneLine(e.getMessage())
                        + ")", e);
            }
            notices.accept("CUDA is not usable here (" + ModelFileException.oneLine(e.getMessage())
                    + "); running on the CPU");
            actual = Device.CPU;
            try {
                session = createSession(env, bytes, Device.CPU, tuning);
            } catch (OrtException e2) {
                throw new ModelFileException(file, "not a valid ONNX model ("
                        + ModelFileException.oneLine(e2.getMessage()) + ")", e2);
            }
        }
        try {
            Signature signature = signatureOf(session);
            ModelCard stored = storedCard(session);
            if (stored != null) {
                CardCheck.require(stored, "its card");
            }
            ModelCard card = overrides.complete(stored, signature, file);
            CardCheck.require(card, "the card completed from the options");
            require(file, Contract.problems(signature, card));
            return new OnnxDenoiser(file, card, stored != null, signature, actual, env, session);
        } catch (OrtException | CardException | RuntimeException | ModelFileException e) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // the session is being discarded anyway
            }
            if (e instanceof ModelFileException mfe) {
                throw mfe;
            }
            throw new ModelFileException(file, e.getMessage(), e);
        }
    }

    private static ModelCard storedCard(OrtSession session) throws OrtException, CardException {
        String json = session.getMetadata().getCustomMetadata().get(ModelCard.METADATA_KEY);
        return json == null ? null : CardJson.read(json);
    }

    private static void require(Path file, List<String> problems) throws ModelFileException {
        if (!problems.isEmpty()) {
            throw new ModelFileException(file, String.join("; ", problems));
        }
    }

    /**
     * Reads a model's card and signature without completing them (for `pdviz info` and the library),
     * with every problem found: an unreadable or invalid card, and, when the card is complete enough
     * to judge, every way the file breaks the contract. A file that is no ONNX model at all throws.
     */
    public static Inspection inspect(Path file) throws ModelFileException {
        byte[] bytes = readBytes(file);
        OrtEnvironment env = OrtSessions.env();
        try (OrtSession session = createSession(env, bytes, Device.CPU)) {
            Signature signature = signatureOf(session);
            List<String> problems = new ArrayList<>();
            ModelCard card = null;
            try {
                card = storedCard(session);
                if (card != null) {
                    CardCheck.require(card, "its card");
                }
            } catch (CardException e) {
                problems.add(e.getMessage());
            }
            if (problems.isEmpty() && card != null) {
                problems.addAll(Contract.inputNameProblems(signature, card.inputsValue()));
            }
            if (problems.isEmpty() && CardOverrides.missingFields(card, CardOverrides.NONE, signature).isEmpty()) {
                try {
                    problems.addAll(Contract.problems(signature, CardOverrides.NONE.complete(card, signature, file)));
                } catch (CardException | RuntimeException e) {
                    problems.add(e.getMessage());
                }
            }
            return new Inspection(file, card, signature, bytes.length, problems);
        } catch (OrtException e) {
            throw new ModelFileException(file, "not a valid ONNX model (" + ModelFileException.oneLine(e.getMessage())
                    + ")", e);
        }
    }

    /**
     * What a file holds, before any defaults are applied. {@code card} is null when it has none (or
     * it cannot be read); {@code problems} says what keeps the file from being used, one phrase each.
     */
    public record Inspection(Path file, ModelCard card, Signature signature, long bytes, List<String> problems) {
        public Inspection {
            problems = List.copyOf(problems);
        }

        /** The file can be used as it is (or once a card-less file's missing fields are given). */
        public boolean usable() {
            return problems.isEmpty();
        }

        /** Every problem in one line, naming the file. */
        public String describeProblems() {
            return new ModelFileException(file, String.join("; ", problems)).getMessage();
        }
    }

    private static byte[] readBytes(Path file) throws ModelFileException {
        if (!Files.exists(file)) {
            throw new ModelFileException(file, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, "not a regular file");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                throw new ModelFileException(file, "the file is empty");
            }
            return bytes;
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static OrtSession createSession(OrtEnvironment env, byte[] bytes, Device device) throws OrtException {
        return createSession(env, bytes, device, OrtSessions.Tuning.DEFAULT);
    }

    private static OrtSession createSession(OrtEnvironment env, byte[] bytes, Device device,
                                            OrtSessions.Tuning tuning) throws OrtException {
        try (OrtSession.SessionOptions options = OrtSessions.options(tuning)) {
            if (device == Device.CUDA) {
                options.addCUDA(0);
            }
            return env.createSession(bytes, options);
        }
    }

    private static Signature signatureOf(OrtSession session) throws OrtException {
        return new Signature(tensors(session.getInputInfo()), tensors(session.getOutputInfo()));
    }

    private static List<Signature.Tensor> tensors(Map<String, NodeInfo> infos) {
        List<Signature.Tensor> out = new ArrayList<>();
        for (NodeInfo n : infos.values()) {
            if (n.getInfo() instanceof TensorInfo ti) {
                out.add(new Signature.Tensor(n.getName(), typeName(ti.type), ti.getShape()));
            } else {
                out.add(new Signature.Tensor(n.getName(), "non-tensor", new long[0]));
            }
        }
        return out;
    }

    private static String typeName(OnnxJavaType t) {
        return t == OnnxJavaType.FLOAT ? "float" : t.name().toLowerCase(java.util.Locale.ROOT);
    }

    public Path file() {
        return file;
    }

    public ModelCard card() {
        return card;
    }

    /** Whether the file carries its own card (else the card was completed from overrides and defaults). */
    public boolean hasCard() {
        return hasCard;
    }

    public Signature signature() {
        return signature;
    }

    /** The device actually in use (CPU after a fallback). */
    public Device device() {
        return device;
    }

    @Override
    public DataShape shape() {
        return shape;
    }

    @Override
    public Parameterization parameterization() {
        return parameterization;
    }

    /** 256 samples a call, or the batch the graph fixes. */
    @Override
    public int maxBatch() {
        return fixedBatch > 0 ? fixedBatch : 256;
    }

    /** The schedule the card names (the positions this denoiser is called at belong to it). */
    public Schedule schedule() {
        return schedule;
    }

    public TimeInput timeInput() {
        return timeInput;
    }

    /** Runs the graph; one whose time serves the whole batch runs once per run of equal positions. */
    @Override
    public synchronized void predict(float[] z, float[] position, int from, int batch, float[] out)
            throws DenoiserException {
        try {
            if (!time.shared()) {
                run(z, position, from, batch, out);
                return;
            }
            for (int i = from, end = from + batch; i < end; ) {
                int j = i + 1;
                while (j < end && position[j] == position[i]) {
                    j++;
                }
                run(z, position, i, j - i, out);
                i = j;
            }
        } catch (OrtException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new DenoiserException("ONNX Runtime failed on '" + file.getFileName() + "': "
                    + ModelFileException.oneLine(e.getMessage()), e);
        }
    }

    private void run(float[] z, float[] position, int from, int batch, float[] out) throws OrtException {
        int dim = shape.size();
        int outDim = dim * parameterization.outputFactor();
        if (fixedBatch == 0) {
            Binding b = binding(batch);
            b.z.put(0, z, from * dim, batch * dim);
            putTime(b, position, from, batch, batch);
            try (OrtSession.Result ignored = session.run(b.inputs, b.outputs)) {
                b.out.get(0, out, from * outDim, batch * outDim);
            }
            return;
        }
        Binding b = binding(fixedBatch);
        for (int b0 = 0; b0 < batch; b0 += fixedBatch) {
            int n = Math.min(fixedBatch, batch - b0);
            b.z.put(0, z, (from + b0) * dim, n * dim);
            // padding: zeros at the last real time, so the engine computes finite values it throws away
            for (int i = n; i < fixedBatch; i++) {
                for (int j = 0; j < dim; j++) {
                    b.z.put(i * dim + j, 0f);
                }
            }
            putTime(b, position, from + b0, n, fixedBatch);
            try (OrtSession.Result ignored = session.run(b.inputs, b.outputs)) {
                b.out.get(0, out, (from + b0) * outDim, n * outDim);
            }
        }
    }

    /** The time input for {@code n} samples from {@code from}, padded to {@code size} with the last one. */
    private void putTime(Binding b, float[] position, int from, int n, int size) {
        for (int i = 0, m = time.shared() ? 1 : size; i < m; i++) {
            double v = timeValue(position[from + Math.min(i, n - 1)]);
            if (b.tLong != null) {
                b.tLong.put(i, Math.round(v));
            } else {
                b.t.put(i, (float) v);
            }
        }
    }

    /** The graph's time input at a position (the last one is remembered: a batch shares its position). */
    private double timeValue(float position) {
        if (Float.compare(position, lastPosition) != 0) {
            lastTimeValue = timeInput.value(schedule, position);
            lastPosition = position;
        }
        return lastTimeValue;
    }

    /**
     * For benchmarks: the time of each of {@code repeats} engine runs on inputs already bound, with
     * no copies in or out (the bare ONNX Runtime call the sampler's overhead is measured against).
     */
    public synchronized long[] timeBareRuns(int batch, int repeats, float t) throws DenoiserException {
        try {
            Binding b = binding(batch);
            java.util.Random rng = new java.util.Random(0);
            for (int i = 0; i < b.z.capacity(); i++) {
                b.z.put(i, (float) rng.nextGaussian());
            }
            float[] position = new float[batch];
            java.util.Arrays.fill(position, t);
            putTime(b, position, 0, batch, batch);
            long[] nanos = new long[repeats];
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                try (OrtSession.Result ignored = session.run(b.inputs, b.outputs)) {
                    nanos[r] = System.nanoTime() - t0;
                }
            }
            return nanos;
        } catch (OrtException e) {
            throw new DenoiserException("ONNX Runtime failed: " + ModelFileException.oneLine(e.getMessage()), e);
        }
    }

    private Binding binding(int batch) throws OrtException {
        Binding b = bindings.get(batch);
        if (b == null) {
            if (bindings.size() >= 4) {
                var oldest = bindings.entrySet().iterator().next();
                oldest.getValue().close();
                bindings.remove(oldest.getKey());
            }
            b = new Binding(env, batch, shape, shape.withChannelFactor(parameterization.outputFactor()), outputName,
                    time);
            bindings.put(batch, b);
        }
        return b;
    }

    /** Direct buffers and the tensors that share their memory, for one batch size. */
    private static final class Binding implements AutoCloseable {
        final FloatBuffer z, t, out;
        final LongBuffer tLong;
        final OnnxTensor zTensor, tTensor, outTensor;
        final Map<String, OnnxTensor> inputs, outputs;

        Binding(OrtEnvironment env, int batch, DataShape in, DataShape outShape, String outputName, TimeTensor time)
                throws OrtException {
            z = direct(batch * in.size());
            out = direct(batch * outShape.size());
            long[] tShape = time.shared() ? time.sharedShape() : new long[] {batch};
            int tSize = time.shared() ? 1 : batch;
            if (time.int64()) {
                t = null;
                tLong = ByteBuffer.allocateDirect(tSize * Long.BYTES).order(ByteOrder.nativeOrder()).asLongBuffer();
                tTensor = OnnxTensor.createTensor(env, tLong, tShape);
            } else {
                t = direct(tSize);
                tLong = null;
                tTensor = OnnxTensor.createTensor(env, t, tShape);
            }
            zTensor = OnnxTensor.createTensor(env, z, in.batched(batch));
            outTensor = OnnxTensor.createTensor(env, out, outShape.batched(batch));
            inputs = Map.of(time.zName(), zTensor, time.tName(), tTensor);
            outputs = Map.of(outputName, outTensor);
        }

        private static FloatBuffer direct(int n) {
            return ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }

        @Override
        public void close() {
            zTensor.close();
            tTensor.close();
            outTensor.close();
        }
    }

    @Override
    public synchronized void close() {
        bindings.values().forEach(Binding::close);
        bindings.clear();
        try {
            session.close();
        } catch (OrtException e) {
            // nothing useful to do when closing fails
        }
    }
}
