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
        }
        return env;
    }

    /** Options for a new session (the caller closes them); the caller adds its execution provider. */
    public static OrtSession.SessionOptions options() throws OrtException {
        env();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        if (sharedPool) {
            options.disablePerSessionThreads();
        } else {
            options.setIntraOpNumThreads(threads());
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
        }
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return options;
    }

    private static int threads() {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
    }
}
