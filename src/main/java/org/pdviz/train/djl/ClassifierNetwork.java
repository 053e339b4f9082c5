package org.pdviz.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.pdviz.runtime.Device;
import org.pdviz.train.family.Classifier;
import org.pdviz.train.family.Weights;

/**
 * The {@link Classifier} on DJL tensors: one tensor per declared parameter in the network's own
 * manager, the forward pass run through {@link DjlOps} (as {@link Network} does for the diffusion
 * families).
 */
public final class ClassifierNetwork extends TensorNetwork {

    /** Images per forward pass when predicting many digits (bounds the memory of one pass). */
    private static final int CHUNK = 500;

    private final Classifier classifier;

    public ClassifierNetwork(Classifier classifier, Weights weights, Device device, boolean trainable) {
        super(classifier, weights, device, trainable);
        this.classifier = classifier;
    }

    public Classifier classifier() {
        return classifier;
    }

    /** Features and logits for {@code x} [B, 1, 28, 28]; every intermediate goes to {@code scope}. */
    public Classifier.Outputs<NDArray> forward(NDManager scope, NDArray x) {
        return classifier.forward(tensors.ops(scope), x);
    }

    /** Features ({@code count x F}) and logits ({@code count x 10}) of digits given as floats, no gradients. */
    public Classifier.Outputs<float[]> predict(float[] images, int count) {
        Torch.noGradients();
        int size = 28 * 28, f = classifier.features();
        float[] features = new float[count * f], logits = new float[count * Classifier.CLASSES];
        for (int b0 = 0; b0 < count; b0 += CHUNK) {
            int b = Math.min(CHUNK, count - b0);
            try (NDManager scope = tensors.manager().newSubManager()) {
                NDArray x = scope.create(java.util.Arrays.copyOfRange(images, b0 * size, (b0 + b) * size),
                        new Shape(b, 1, 28, 28));
                Classifier.Outputs<NDArray> out = forward(scope, x);
                System.arraycopy(out.features().toFloatArray(), 0, features, b0 * f, b * f);
                System.arraycopy(out.logits().toFloatArray(), 0, logits, b0 * Classifier.CLASSES,
                        b * Classifier.CLASSES);
            }
        }
        return new Classifier.Outputs<>(features, logits);
    }
}
