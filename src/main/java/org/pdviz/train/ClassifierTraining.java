package org.pdviz.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pdviz.core.data.Mnist;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.features.ClassifierCard;
import org.pdviz.runtime.features.OnnxClassifier;
import org.pdviz.train.djl.ClassifierNetwork;
import org.pdviz.train.djl.ClassifierStep;
import org.pdviz.train.djl.Torch;
import org.pdviz.train.djl.TrainingException;
import org.pdviz.train.family.Classifier;
import org.pdviz.train.family.Weights;
import org.pdviz.train.onnx.ClassifierOnnx;
import org.pdviz.train.state.TrainingState;

/**
 * Trains the MNIST feature classifier on the training split only (digits whose index is not a
 * multiple of 10): batches drawn uniformly with replacement, each digit shifted by a random whole
 * number of pixels in [-shift, shift] in x and y (background filled), softmax cross-entropy, Adam
 * with a cosine learning-rate decay from {@code lr} to 0. Seeded and resumable: the state holds the
 * weights, Adam's moments and the generator, so a resumed run continues the same stream. The
 * held-out digits are only measured (every {@code evalEvery} iterations and at the end), never used
 * to choose anything.
 */
public final class ClassifierTraining {

    public static final String KIND = "classifier";
    private static final int SIZE = 28;
    private static final float BACKGROUND = -1f;

    private ClassifierTraining() {
    }

    public record Config(Classifier classifier, long iterations, int batch, double lr, int shift, long seed,
                         long evalEvery, Path out, String name, String command) {
        public Config {
            RunChecks.optimiser(Setting.ITERATIONS, iterations, batch, lr);
            if (shift < 0 || shift > 4) {
                throw new SettingException(SettingException.Problem.OUT_OF_RANGE, Setting.SHIFT, 0, 4, shift);
            }
        }

        /** The cosine decay: {@code lr (1 + cos(pi k / K)) / 2} at iteration k (0-based) of K. */
        public double lrAt(long k) {
            return lr * 0.5 * (1 + Math.cos(Math.PI * k / iterations));
        }
    }

    /**
     * The finished (or cancelled) run. {@code heldOut} is measured with the DJL network on the 1,000
     * held-out digits (null when cancelled).
     */
    public record Result(Weights weights, long iterations, double finalLoss, OnnxClassifier.Accuracy heldOut,
                         boolean cancelled, double seconds) {
    }

    public static Result run(Config c, Mnist mnist, Device device, Checkpointer checkpointer, Monitor monitor)
            throws TrainingException, IOException {
        Torch.noGradients();
        int[] train = mnist.indices(false);
        float[] heldOutImages = mnist.images(true);
        int[] heldOut = mnist.indices(true);
        try (ClassifierNetwork net = new ClassifierNetwork(c.classifier(), Weights.initialize(c.classifier(), c.seed()),
                device, true);
             ClassifierStep step = new ClassifierStep(net)) {
            SeededRandom rng = new SeededRandom(c.seed());
            RecentLosses losses = new RecentLosses();
            double secondsBefore = 0;
            long started = System.nanoTime();
            long done = 0;
            TrainingState saved = checkpointer.load(KIND);
            if (saved != null) {
                net.load(new Weights(saved.group(TrainingState.WEIGHTS)));
                step.adam().restore(saved.header().adamStep(), saved.group(TrainingState.ADAM_M),
                        saved.group(TrainingState.ADAM_V));
                rng.restore(saved.header().rngState());
                losses.restore(saved.header().recentLosses());
                secondsBefore = saved.header().seconds();
                done = saved.header().iteration();
                monitor.message("resuming at iteration " + done + " of " + c.iterations());
            }
            float[] images = new float[c.batch() * SIZE * SIZE];
            int[] labels = new int[c.batch()];
            float[] digit = new float[SIZE * SIZE];
            while (done < c.iterations()) {
                double seconds = secondsBefore + (System.nanoTime() - started) / 1e9;
                if (monitor.cancelled()) {
                    checkpointer.save(snapshot(net, step, rng, losses, done, seconds));
                    monitor.saved(0, done);
                    return new Result(net.weights(), done, losses.mean(), null, true, seconds);
                }
                for (int i = 0; i < c.batch(); i++) {
                    int index = train[rng.nextInt(train.length)];
                    labels[i] = mnist.label(index);
                    mnist.image(index, digit, 0);
                    int dx = c.shift() == 0 ? 0 : rng.nextInt(2 * c.shift() + 1) - c.shift();
                    int dy = c.shift() == 0 ? 0 : rng.nextInt(2 * c.shift() + 1) - c.shift();
                    shift(digit, dx, dy, images, i * SIZE * SIZE);
                }
                ClassifierStep.Outcome o = step.step(images, labels, c.lrAt(done));
                losses.add(o.loss());
                done++;
                monitor.iteration(0, 1, done, c.iterations(), o.loss());
                if (done < c.iterations() && c.evalEvery() > 0 && done % c.evalEvery() == 0) {
                    OnnxClassifier.Accuracy a = accuracy(net, mnist, heldOutImages, heldOut);
                    monitor.message(String.format(java.util.Locale.ROOT,
                            "iteration %d: held-out accuracy %.2f%% (%d/%d), recent loss %.4f", done,
                            100 * a.fraction(), a.correct(), a.total(), losses.mean()));
                }
                if (done < c.iterations() && checkpointer.due(done)) {
                    checkpointer.save(snapshot(net, step, rng, losses, done,
                            secondsBefore + (System.nanoTime() - started) / 1e9));
                    monitor.saved(0, done);
                }
            }
            double seconds = secondsBefore + (System.nanoTime() - started) / 1e9;
            // saved before the file is written: if that write fails (a full disk), a resume only writes it
            checkpointer.save(snapshot(net, step, rng, losses, done, seconds));
            OnnxClassifier.Accuracy a = accuracy(net, mnist, heldOutImages, heldOut);
            Weights w = net.weights();
            double finalLoss = losses.mean();
            ClassifierOnnx.write(c.classifier(), w, card(c, a, finalLoss, seconds), c.out());
            monitor.roundFinished(new RoundResult(0, 1, null, c.out(), c.iterations(), finalLoss, seconds));
            return new Result(w, done, finalLoss, a, false, seconds);
        }
    }

    /** The card written with the classifier: what it is, how it was made, how well it does. */
    static ClassifierCard card(Config c, OnnxClassifier.Accuracy heldOut, double finalLoss, double seconds) {
        return new ClassifierCard(ClassifierCard.FORMAT, c.name(), "mnist", c.classifier().features(),
                heldOut.fraction(), new ModelCard.Family(c.classifier().name(), c.classifier().hyperparameters()),
                new ModelCard.Lineage(null, null, c.iterations(), c.seed(), Instant.now().toString(),
                        Double.isFinite(finalLoss) ? finalLoss : null, c.command()),
                String.format(java.util.Locale.ROOT, "MNIST digit classifier for FID/KID features (the %d-unit"
                        + " penultimate layer), trained by pdviz train-classifier on the training split only"
                        + " (%d iterations of batch %d, Adam lr %s with cosine decay, shifts of up to %d pixels,"
                        + " %.0f s); held-out accuracy %d/%d on the digits whose index is a multiple of 10.",
                        c.classifier().features(), c.iterations(), c.batch(), c.lr(), c.shift(), seconds,
                        heldOut.correct(), heldOut.total()));
    }

    /** Accuracy of the DJL network on the held-out digits. */
    public static OnnxClassifier.Accuracy accuracy(ClassifierNetwork net, Mnist mnist, float[] images, int[] indices) {
        float[] logits = net.predict(images, indices.length).logits();
        int correct = 0;
        for (int i = 0; i < indices.length; i++) {
            int best = 0;
            for (int k = 1; k < Classifier.CLASSES; k++) {
                if (logits[i * Classifier.CLASSES + k] > logits[i * Classifier.CLASSES + best]) {
                    best = k;
                }
            }
            correct += best == mnist.label(indices[i]) ? 1 : 0;
        }
        return new OnnxClassifier.Accuracy(correct, indices.length);
    }

    /** {@code out[y][x] = digit[y - dy][x - dx]}, background where that falls outside. */
    static void shift(float[] digit, int dx, int dy, float[] out, int offset) {
        for (int y = 0; y < SIZE; y++) {
            int sy = y - dy;
            for (int x = 0; x < SIZE; x++) {
                int sx = x - dx;
                out[offset + y * SIZE + x] = sy >= 0 && sy < SIZE && sx >= 0 && sx < SIZE ? digit[sy * SIZE + sx]
                        : BACKGROUND;
            }
        }
    }

    private static TrainingState snapshot(ClassifierNetwork net, ClassifierStep step, SeededRandom rng,
                                          RecentLosses losses, long done, double seconds) {
        Map<String, Map<String, float[]>> groups = new LinkedHashMap<>();
        groups.put(TrainingState.WEIGHTS, net.weights().asMap());
        groups.put(TrainingState.ADAM_M, step.adam().firstMoments());
        groups.put(TrainingState.ADAM_V, step.adam().secondMoments());
        return new TrainingState(new TrainingState.Header(KIND, 0, done, rng.state(), step.adam().step(),
                losses.toArray(), seconds, Map.of()), groups);
    }
}
