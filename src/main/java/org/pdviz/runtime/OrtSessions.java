package org.pdviz.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;

/**
 * The ONNX Runtime environment and the session options every model opens with. All sessions share
 * one intra-op thread pool (as many threads as cores, at most 8, no spinning): with a pool per
 * session, a loaded machine kept one session's threads waiting for seconds while another's ran,
 * so two equal models timed up to 2.6x apart; on one pool they time alike, and a comparison with
 * several models open starts no more threads than one model.
 */
public final class OrtSessions {

    private static OrtEnvironment env;
    private static boolean sharedPool;
    private static boolean heldUntilExit;

    private OrtSessions() {
    }

    public static synchronized OrtEnvironment env() {
        if (env == null) {
            try (OrtEnvironment.ThreadingOptions threads = new OrtEnvironment.ThreadingOptions()) {
                threads.setGlobalIntraOpNumThreads(threads());
                threads.setGlobalSpinControl(false);
                env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "pdviz", threads);
                sharedPool = true;
            } catch (OrtException | IllegalStateException e) {
                // an environment made elsewhere in this process without a shared pool: per-session pools
                env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "pdviz");
                sharedPool = false;
            }
            holdUntilExit();
        }
        return env;
    }

    /**
     * ONNX Runtime's jar registers a shutdown hook that releases the native environment when the JVM
     * exits, while other threads may still be inside a session's run: a cancelled job saving its
     * state after Ctrl-C, a sampler the window started, a test's background task. Releasing it under
     * them crashed the process (SIGSEGV in libonnxruntime, or glibc's "malloc(): unaligned tcache
     * chunk"), every time in OrtExitTest's probe. The native environment counts its references (every
     * CreateEnv in a process returns the one instance and adds one), so one more reference, never
     * released, makes that hook's release harmless; the operating system reclaims the memory at exit.
     * Reached by reflection because the jar keeps both handles private; with another version of the
     * jar, where they are not found, the process exits as the jar intends.
     */
    private static void holdUntilExit() {
        try {
            java.lang.reflect.Field api = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("ortApiHandle");
            api.setAccessible(true);
            java.lang.reflect.Method create = OrtEnvironment.class.getDeclaredMethod("createHandle", long.class,
                    int.class, String.class);
            create.setAccessible(true);
            create.invoke(null, api.getLong(null), OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR.getValue(), "pdviz");
            heldUntilExit = true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            heldUntilExit = false;
        }
    }

    /** Whether the environment outlives ONNX Runtime's own shutdown hook (see {@link #holdUntilExit}). */
    public static synchronized boolean heldUntilExit() {
        env();
        return heldUntilExit;
    }

    /**
     * How a session runs: {@code threads} intra-op threads of its own (0: the shared pool), the graph
     * optimisation level, and whether the CPU memory arena is on. {@link #DEFAULT} is what every model
     * opens with; the others exist for the trainer's teacher and {@code pdviz bench train}, which
     * measures them.
     */
    public record Tuning(int threads, Level level, boolean arena) {
        public static final Tuning DEFAULT = new Tuning(0, Level.ALL, true);

        public Tuning {
            if (threads < 0) {
                throw new IllegalArgumentException("threads must not be negative, got " + threads);
            }
            java.util.Objects.requireNonNull(level, "level");
        }

        public String describe() {
            return (threads == 0 ? "shared pool" : threads + " own thread" + (threads == 1 ? "" : "s")) + ", "
                    + level.name().toLowerCase(java.util.Locale.ROOT) + " optimisation, arena "
                    + (arena ? "on" : "off");
        }
    }

    /** ONNX Runtime's graph optimisation levels (without naming the engine's types outside this layer). */
    public enum Level {
        BASIC(OrtSession.SessionOptions.OptLevel.BASIC_OPT),
        EXTENDED(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT),
        ALL(OrtSession.SessionOptions.OptLevel.ALL_OPT);

        private final OrtSession.SessionOptions.OptLevel ort;

        Level(OrtSession.SessionOptions.OptLevel ort) {
            this.ort = ort;
        }
    }

    /** Options for a new session (the caller closes them); the caller adds its execution provider. */
    public static OrtSession.SessionOptions options() throws OrtException {
        return options(Tuning.DEFAULT);
    }

    public static OrtSession.SessionOptions options(Tuning tuning) throws OrtException {
        env();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        if (tuning.threads() > 0 || !sharedPool) {
            options.setIntraOpNumThreads(tuning.threads() > 0 ? tuning.threads() : threads());
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
        } else {
            options.disablePerSessionThreads();
        }
        options.setOptimizationLevel(tuning.level().ort);
        options.setCPUArenaAllocator(tuning.arena());
        return options;
    }

    private static int threads() {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
    }
}
