package org.pdviz.train.onnx;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pdviz.core.model.DataShape;
import org.pdviz.runtime.card.CardException;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.onnx.OnnxGraph;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.ParamSpec;
import org.pdviz.train.family.Weights;

/**
 * Writes a family's network with given weights as an ONNX model that follows the contract
 * (inputs {@code z}, {@code t}; one output named after the parameterisation; the card in
 * metadata_props), and reads the weights back from one: each parameter is the initializer of the
 * same name, stored as raw little-endian floats, so ONNX -> weights -> ONNX is bit-exact.
 */
public final class FamilyOnnx {

    public static final String PRODUCER = "pdviz-train";

    private FamilyOnnx() {
    }

    public static OnnxMl.ModelProto build(Family family, Weights weights, ModelCard card) {
        weights.checkFits(family);
        OnnxGraph g = new OnnxGraph(family.name());
        DataShape shape = family.dataShape();
        String z = g.input("z", dims(shape));
        String t = g.input("t", "B");
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        // parameters first, so each initializer gets exactly the parameter's name
        for (ParamSpec p : family.parameters()) {
            String n = g.floats(p.name(), weights.get(p.name()), p.shape());
            if (!n.equals(p.name())) {
                throw new IllegalStateException("initializer name clash for " + p.name());
            }
            names.put(p.name(), n);
            shapes.put(p.name(), p.shape());
        }
        String out = family.forward(new OnnxOps(g, names, shapes), z, t);
        String outName = card.parameterization();
        g.opNamed(outName, "Identity", Map.of(), out);
        g.output(outName, dims(family.outputShape()));
        return g.model(PRODUCER, Map.of(ModelCard.METADATA_KEY, CardJson.write(card)));
    }

    /** Writes atomically (a reader never sees half a checkpoint). */
    public static void write(Family family, Weights weights, ModelCard card, Path file) throws IOException {
        OnnxGraph.write(build(family, weights, card), file);
    }

    private static Object[] dims(DataShape shape) {
        Object[] d = new Object[shape.rank() + 1];
        d[0] = "B";
        for (int i = 0; i < shape.rank(); i++) {
            d[i + 1] = shape.dim(i);
        }
        return d;
    }

    /** The card stored in a model, or null. */
    public static ModelCard card(OnnxMl.ModelProto model) throws CardException {
        for (OnnxMl.StringStringEntryProto e : model.getMetadataPropsList()) {
            if (ModelCard.METADATA_KEY.equals(e.getKey())) {
                return CardJson.read(e.getValue());
            }
        }
        return null;
    }

    /** The family's parameters read from the model's initializers of the same names. */
    public static Weights weights(OnnxMl.ModelProto model, Family family) {
        Map<String, OnnxMl.TensorProto> inits = new LinkedHashMap<>();
        for (OnnxMl.TensorProto tp : model.getGraph().getInitializerList()) {
            inits.put(tp.getName(), tp);
        }
        Map<String, float[]> values = new LinkedHashMap<>();
        for (ParamSpec p : family.parameters()) {
            OnnxMl.TensorProto tp = inits.get(p.name());
            if (tp == null) {
                throw new IllegalArgumentException("the model has no initializer '" + p.name() + "' that its family "
                        + family.name() + " " + family.hyperparameters() + " declares");
            }
            if (tp.getDataType() != OnnxMl.TensorProto.DataType.FLOAT_VALUE) {
                throw new IllegalArgumentException("initializer '" + p.name() + "' is not float32");
            }
            long[] dims = tp.getDimsList().stream().mapToLong(Long::longValue).toArray();
            if (!java.util.Arrays.equals(dims, p.shape())) {
                throw new IllegalArgumentException("initializer '" + p.name() + "' has shape "
                        + java.util.Arrays.toString(dims) + ", the family needs " + java.util.Arrays.toString(p.shape()));
            }
            float[] v = new float[p.size()];
            if (!tp.getRawData().isEmpty()) {
                ByteBuffer b = tp.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                if (b.remaining() != v.length * 4) {
                    throw new IllegalArgumentException("initializer '" + p.name() + "' holds " + b.remaining()
                            + " bytes, expected " + v.length * 4);
                }
                b.asFloatBuffer().get(v);
            } else {
                if (tp.getFloatDataCount() != v.length) {
                    throw new IllegalArgumentException("initializer '" + p.name() + "' holds " + tp.getFloatDataCount()
                            + " values, expected " + v.length);
                }
                for (int i = 0; i < v.length; i++) {
                    v[i] = tp.getFloatData(i);
                }
            }
            values.put(p.name(), v);
        }
        return new Weights(values);
    }
}
