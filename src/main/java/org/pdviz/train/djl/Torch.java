package org.pdviz.train.djl;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Consumer;
import org.pdviz.runtime.Device;

/**
 * Starts DJL's PyTorch engine for training: offline (the native library comes from the Maven jar,
 * nothing is downloaded), quiet logs, a given number of threads, and the device: CUDA when asked
 * for and usable, else one clear line and the CPU.
 */
public final class Torch {

    private Torch() {
    }

    /** The engine, started on first use. */
    public static Engine engine() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda", "error");
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.pytorch", "warn");
        return Engine.getEngine("PyTorch");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * Turns off gradient recording for the calling thread. PyTorch's grad mode is per thread and on
     * by default in a new thread (DJL turns it off only on the thread that started the engine), and
     * a GradientCollector restores the mode it found: without this, a training thread would record
     * graphs for teacher forwards and refuse in-place optimiser updates.
     */
    public static void noGradients() {
        engine();
        JniUtils.setGradMode(false);
    }

    /** Intra-op threads for the tensor operations (takes effect at once, process-wide). */
    public static void threads(int n) {
        engine();
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + n);
        }
        JniUtils.setNumThreads(n);
    }

    public static int threads() {
        engine();
        return JniUtils.getNumThreads();
    }

    /** A sensible default: all cores up to 8 (more rarely helps these small networks). */
    public static int defaultThreads() {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
    }

    /**
     * The device training will use for a request: CUDA when asked for and PyTorch sees a GPU, else the
     * CPU, with one line to {@code notices} saying why.
     */
    public static Device device(Device requested, Consumer<String> notices) {
        engine();
        if (requested != Device.CUDA) {
            return Device.CPU;
        }
        String problem = cudaProblem();
        if (problem == null) {
            return Device.CUDA;
        }
        notices.accept("CUDA is not usable for training here (" + problem + "); training on the CPU");
        return Device.CPU;
    }

    /** The engine's device for ours: the first GPU for CUDA. */
    static ai.djl.Device djl(Device device) {
        return device == Device.CUDA ? ai.djl.Device.gpu() : ai.djl.Device.cpu();
    }

    /** The device as the engine names it ("cpu()", "gpu(0)"): the name job results and summaries record. */
    public static String name(Device device) {
        return djl(device).toString();
    }

    /** "PyTorch x via DJL y", for reports. */
    public static String describe() {
        return "PyTorch " + engine().getVersion() + " via DJL " + Engine.getDjlVersion();
    }

    /**
     * Why training cannot use CUDA here, or null when it can. The CPU-only build is known without
     * starting the engine; a CUDA build asks PyTorch for its GPUs (which starts the engine).
     */
    public static String cudaProblem() {
        if (!isCudaBuild()) {
            return "this build has the CPU-only PyTorch; build with -Pcuda on a machine with an NVIDIA GPU";
        }
        int gpus;
        try {
            gpus = engine().getGpuCount();
        } catch (RuntimeException ex) {
            gpus = 0;
        }
        return gpus > 0 ? null : "PyTorch sees no GPU";
    }

    /** Whether the PyTorch native library on the class path was built for CUDA. */
    static boolean isCudaBuild() {
        return Torch.class.getClassLoader().getResource("native/lib/pytorch.properties") != null
                && readFlavor().startsWith("cu");
    }

    private static String readFlavor() {
        try (var in = Torch.class.getClassLoader().getResourceAsStream("native/lib/pytorch.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("flavor", "");
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }
}
