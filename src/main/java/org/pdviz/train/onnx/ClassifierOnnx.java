package org.pdviz.train.onnx;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pdviz.runtime.features.ClassifierCard;
import org.pdviz.runtime.features.OnnxClassifier;
import org.pdviz.runtime.onnx.OnnxGraph;
import org.pdviz.train.family.Classifier;
import org.pdviz.train.family.ParamSpec;
import org.pdviz.train.family.Weights;

/**
 * Writes the {@link Classifier} with given weights as an ONNX model that follows the feature
 * classifier contract of {@link OnnxClassifier}: input {@code x} [B, 1, 28, 28], outputs
 * {@code features} [B, F] and {@code logits} [B, 10], the card under {@code pdviz.classifier}.
 * Each parameter is the initializer of the same name, as in {@link FamilyOnnx}.
 */
public final class ClassifierOnnx {

    public static final String PRODUCER = "pdviz-train-classifier";

    private ClassifierOnnx() {
    }

    public static OnnxMl.ModelProto build(Classifier classifier, Weights weights, ClassifierCard card) {
        weights.checkFits(classifier);
        OnnxGraph g = new OnnxGraph(classifier.name());
        String x = g.input(OnnxClassifier.INPUT, "B", 1, 28, 28);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (ParamSpec p : classifier.parameters()) {
            String n = g.floats(p.name(), weights.get(p.name()), p.shape());
            if (!n.equals(p.name())) {
                throw new IllegalStateException("initializer name clash for " + p.name());
            }
            names.put(p.name(), n);
            shapes.put(p.name(), p.shape());
        }
        Classifier.Outputs<String> out = classifier.forward(new OnnxOps(g, names, shapes), x);
        g.opNamed(OnnxClassifier.FEATURES, "Identity", Map.of(), out.features());
        g.opNamed(OnnxClassifier.LOGITS, "Identity", Map.of(), out.logits());
        g.output(OnnxClassifier.FEATURES, "B", classifier.features());
        g.output(OnnxClassifier.LOGITS, "B", Classifier.CLASSES);
        return g.model(PRODUCER, card == null ? Map.of() : Map.of(ClassifierCard.METADATA_KEY, card.toJson()));
    }

    /** Writes atomically. */
    public static void write(Classifier classifier, Weights weights, ClassifierCard card, Path file)
            throws IOException {
        OnnxGraph.write(build(classifier, weights, card), file);
    }
}
