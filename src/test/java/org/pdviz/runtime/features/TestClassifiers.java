package org.pdviz.runtime.features;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.pdviz.core.data.Mnist;
import org.pdviz.runtime.onnx.OnnxGraph;

/**
 * A nearest-class-mean classifier written as ONNX with the feature-classifier contract, for tests:
 * {@code features = x W + b} (F = 16: ten columns are the class-mean images mu_c with bias
 * {@code -|mu_c|^2 / 2}, six are random), {@code logits} = the first ten features. Argmax of the
 * logits is the class whose mean is nearest to x.
 */
public final class TestClassifiers {

    public static final int F = 16;

    private TestClassifiers() {
    }

    /** {@code W} as [784, F] row-major and {@code b} [F]. */
    public record Weights(float[] w, float[] b) {
    }

    public static Weights weights(Mnist mnist) {
        int d = 784;
        double[][] means = new double[10][d];
        int[] counts = new int[10];
        float[] img = new float[d];
        for (int i : mnist.indices(false)) {
            mnist.image(i, img, 0);
            for (int j = 0; j < d; j++) {
                means[mnist.label(i)][j] += img[j];
            }
            counts[mnist.label(i)]++;
        }
        float[] w = new float[d * F], b = new float[F];
        Random rng = new Random(5);
        for (int c = 0; c < F; c++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                double v = c < 10 ? means[c][j] / counts[c] : rng.nextGaussian() / 28;
                w[j * F + c] = (float) v;
                norm += v * v;
            }
            b[c] = c < 10 ? (float) (-norm / 2) : 0f;
        }
        return new Weights(w, b);
    }

    public static void write(Weights weights, ClassifierCard card, Path file) throws Exception {
        OnnxGraph g = new OnnxGraph("nearest_class_mean");
        String x = g.input("x", "B", 1, 28, 28);
        String flat = g.op("Reshape", x, g.axes("flat", -1, 784));
        g.opNamed("features", "Add", Map.of(), g.op("MatMul", flat, g.floats("w", weights.w(), 784, F)),
                g.floats("b", weights.b(), F));
        float[] select = new float[F * 10];
        for (int c = 0; c < 10; c++) {
            select[c * 10 + c] = 1;
        }
        g.opNamed("logits", "MatMul", Map.of(), "features", g.floats("select", select, F, 10));
        g.output("features", "B", F);
        g.output("logits", "B", 10);
        OnnxGraph.write(g.model("pdviz-test", card == null ? Map.of()
                : Map.of(ClassifierCard.METADATA_KEY, card.toJson())), file);
    }
}
