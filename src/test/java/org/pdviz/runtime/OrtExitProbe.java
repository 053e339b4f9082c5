package org.pdviz.runtime;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A process for {@link OrtExitTest}: a daemon thread predicts with a model without pause while the
 * main thread exits the JVM with status 3, so ONNX Runtime's shutdown hook runs while a session is
 * inside its run.
 */
public final class OrtExitProbe {

    private OrtExitProbe() {
    }

    public static void main(String[] args) throws Exception {
        OnnxDenoiser model = OnnxDenoiser.open(Path.of(args[0]));
        int n = 16, d = model.shape().size();
        float[] z = new float[n * d], t = new float[n], out = new float[n * d];
        Arrays.fill(t, 0.5f);
        Thread worker = new Thread(() -> {
            try {
                while (true) {
                    model.predict(z, t, 0, n, out);
                }
            } catch (Exception e) {
                System.err.println("worker: " + e);
            }
        }, "probe-worker");
        worker.setDaemon(true);
        worker.start();
        Thread.sleep(Long.parseLong(args[1]));
        System.exit(3);
    }
}
