package org.pdviz.app.jobs;

import java.nio.file.Path;
import java.util.Map;
import org.pdviz.runtime.Device;

/**
 * Train the MNIST feature classifier: {@code pdviz train-classifier}. Null {@code iterations},
 * {@code batch}, {@code lr} take the defaults below.
 *
 * @param net       the classifier's hyperparameters (channels=16,32,64, blocks, groups, features)
 * @param shift     augmentation: random shifts of up to this many pixels
 * @param evalEvery measure the held-out accuracy every this many iterations (0: only at the end)
 */
public record ClassifierJob(Map<String, String> net, Long iterations, Integer batch, Double lr, int shift, long seed,
                            long evalEvery, Device device, int threads, double checkpointSeconds, Path out,
                            String command) implements JobSpec {

    public static final long ITERATIONS = 6000;
    public static final int BATCH = 64;
    public static final double LR = 2e-3;
    public static final int SHIFT = 2;
    public static final long EVAL_EVERY = 1000;

    public ClassifierJob {
        net = net == null ? Map.of() : Map.copyOf(net);
        device = device == null ? Device.CPU : device;
    }

    @Override
    public JobRunner runner() {
        return new ClassifierRunner(this);
    }
}
