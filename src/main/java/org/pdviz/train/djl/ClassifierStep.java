package org.pdviz.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pdviz.train.family.Classifier;

/**
 * One optimisation step of the classifier: softmax cross-entropy {@code -mean_b log p(label_b | x_b)}
 * and Adam. Everything the step allocates lives in one manager closed at its end.
 */
public final class ClassifierStep implements AutoCloseable {

    private final ClassifierNetwork network;
    private final Adam adam;

    /** What a step reports: the mean loss and how many of the batch it classified right (before the update). */
    public record Outcome(double loss, int correct) {
    }

    public ClassifierStep(ClassifierNetwork network) {
        this.network = network;
        this.adam = new Adam(network.manager(), network.parameters());
    }

    public Adam adam() {
        return adam;
    }

    /**
     * @param images [B, 1, 28, 28] row-major
     * @param labels B digits 0..9
     */
    public Outcome step(float[] images, int[] labels, double lr) throws TrainingException {
        int batch = labels.length;
        Map<String, NDArray> params = network.parameters();
        try (NDManager scope = network.manager().newSubManager()) {
            NDArray x = scope.create(images, new Shape(batch, 1, 28, 28));
            float[] hot = new float[batch * Classifier.CLASSES];
            for (int i = 0; i < batch; i++) {
                hot[i * Classifier.CLASSES + labels[i]] = 1f;
            }
            NDArray oneHot = scope.create(hot, new Shape(batch, Classifier.CLASSES));
            NDArray loss;
            NDArray predicted;
            try (GradientCollector gc = Torch.engine().newGradientCollector()) {
                NDArray logits = network.forward(scope, x).logits();
                loss = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
                gc.backward(loss);
                predicted = logits.argMax(1);
            } finally {
                Torch.noGradients(); // the collector restores this thread's previous mode, which may be "on"
            }
            double lossValue = loss.getFloat();
            if (!Double.isFinite(lossValue)) {
                zeroGradients(params);
                throw new TrainingException("training diverged (loss " + lossValue + "); try a smaller learning rate");
            }
            long[] p = predicted.toLongArray();
            int correct = 0;
            for (int i = 0; i < batch; i++) {
                correct += p[i] == labels[i] ? 1 : 0;
            }
            Map<String, NDArray> grads = new LinkedHashMap<>();
            for (Map.Entry<String, NDArray> e : params.entrySet()) {
                NDArray g = e.getValue().getGradient();
                g.attach(scope); // getGradient puts its handle in the parameter's manager
                grads.put(e.getKey(), g);
            }
            adam.update(params, grads, lr, scope);
            zeroGradients(params);
            return new Outcome(lossValue, correct);
        }
    }

    private static void zeroGradients(Map<String, NDArray> params) {
        params.values().forEach(p -> JniUtils.zeroGrad((PtNDArray) p));
    }

    @Override
    public void close() {
        adam.close();
    }
}
