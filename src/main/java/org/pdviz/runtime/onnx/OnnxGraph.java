package org.pdviz.runtime.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pdviz.runtime.AtomicFiles;

/**
 * A small builder for ONNX graphs on the protobuf classes of tribuo-util-onnx: named values,
 * float and int64 initializers, nodes with typed attributes, and the model with its metadata.
 * Every node's output gets a fresh name unless one is given.
 */
public final class OnnxGraph {

    /** Opset 21: GroupNormalization with per-channel scale; IR 10 is its version pair. */
    public static final int OPSET = 21;
    public static final int IR_VERSION = 10;

    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
    private final Map<String, Integer> counters = new LinkedHashMap<>();

    public OnnxGraph(String name) {
        graph.setName(name);
    }

    private String fresh(String hint) {
        int n = counters.merge(hint, 1, Integer::sum);
        return n == 1 ? hint : hint + "_" + n;
    }

    /** A float input; a String dim is symbolic (e.g. "B"), a Number is fixed. */
    public String input(String name, Object... dims) {
        graph.addInput(valueInfo(name, dims));
        counters.merge(name, 1, Integer::sum);
        return name;
    }

    /** An int64 input (e.g. a timestep index); dims as for {@link #input}. */
    public String int64Input(String name, Object... dims) {
        OnnxMl.ValueInfoProto v = valueInfo(name, dims);
        graph.addInput(v.toBuilder().setType(v.getType().toBuilder().setTensorType(v.getType().getTensorType()
                .toBuilder().setElemType(OnnxMl.TensorProto.DataType.INT64_VALUE))).build());
        counters.merge(name, 1, Integer::sum);
        return name;
    }

    /** Declares {@code value} (which must be a node output with this name) as a graph output. */
    public void output(String name, Object... dims) {
        graph.addOutput(valueInfo(name, dims));
    }

    public String floats(String hint, float[] values, long... dims) {
        ByteBuffer buf = little(values.length * 4);
        buf.asFloatBuffer().put(values);
        return initializer(hint, OnnxMl.TensorProto.DataType.FLOAT_VALUE, buf, dims);
    }

    /** A float64 initializer (for graphs that compute in double precision). */
    public String doubles(String hint, double[] values, long... dims) {
        ByteBuffer buf = little(values.length * 8);
        buf.asDoubleBuffer().put(values);
        return initializer(hint, OnnxMl.TensorProto.DataType.DOUBLE_VALUE, buf, dims);
    }

    /** Casts to float64 ({@code double = true}) or float32. */
    public String cast(String input, boolean toDouble) {
        return op("Cast", Map.of("to", toDouble ? OnnxMl.TensorProto.DataType.DOUBLE_VALUE
                : OnnxMl.TensorProto.DataType.FLOAT_VALUE), input);
    }

    public String scalar(String hint, float value) {
        return floats(hint, new float[] {value});
    }

    public String longs(String hint, long[] values, long... dims) {
        ByteBuffer buf = little(values.length * 8);
        buf.asLongBuffer().put(values);
        return initializer(hint, OnnxMl.TensorProto.DataType.INT64_VALUE, buf, dims);
    }

    private static ByteBuffer little(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Adds the bytes (little-endian, as ONNX stores raw data) as an initializer of a fresh name. */
    private String initializer(String hint, int dataType, ByteBuffer bytes, long... dims) {
        String name = fresh(hint);
        graph.addInitializer(OnnxMl.TensorProto.newBuilder().setName(name).setDataType(dataType)
                .addAllDims(boxed(dims)).setRawData(ByteString.copyFrom(bytes.array())));
        return name;
    }

    /** A 1-D int64 initializer, as Reshape, Unsqueeze and ReduceSum take for shapes and axes. */
    public String axes(String hint, long... values) {
        return longs(hint, values, values.length);
    }

    public String op(String opType, String... inputs) {
        return op(opType, Map.of(), inputs);
    }

    public String op(String opType, Map<String, Object> attributes, String... inputs) {
        return opNamed(fresh(opType.toLowerCase()), opType, attributes, inputs);
    }

    /** A node whose single output has the given name (use for graph outputs). */
    public String opNamed(String output, String opType, Map<String, Object> attributes, String... inputs) {
        OnnxMl.NodeProto.Builder node = OnnxMl.NodeProto.newBuilder()
                .setOpType(opType).setName(output + "_node").addOutput(output);
        for (String in : inputs) {
            node.addInput(in);
        }
        attributes.forEach((k, v) -> node.addAttribute(attribute(k, v)));
        graph.addNode(node);
        return output;
    }

    public OnnxMl.ModelProto model(String producer, Map<String, String> metadata) {
        OnnxMl.ModelProto.Builder m = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(producer)
                .setProducerVersion("1")
                .setDomain("org.pdviz")
                .setModelVersion(1)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph);
        metadata.forEach((k, v) -> m.addMetadataProps(
                OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return m.build();
    }

    /** Writes the model atomically: a temporary file beside the target, then a rename. */
    public static void write(OnnxMl.ModelProto model, Path file) throws IOException {
        AtomicFiles.write(file, (OutputStream os) -> model.writeTo(os));
    }

    /** The same model with {@code key} set to {@code value} in its metadata (other entries and the graph kept). */
    public static OnnxMl.ModelProto withMetadata(OnnxMl.ModelProto model, String key, String value) {
        OnnxMl.ModelProto.Builder b = model.toBuilder().clearMetadataProps();
        for (OnnxMl.StringStringEntryProto e : model.getMetadataPropsList()) {
            if (!e.getKey().equals(key)) {
                b.addMetadataProps(e);
            }
        }
        return b.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value)).build();
    }

    public static OnnxMl.ModelProto read(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return OnnxMl.ModelProto.parseFrom(in);
        }
    }

    private static List<Long> boxed(long[] dims) {
        return java.util.Arrays.stream(dims).boxed().toList();
    }

    static OnnxMl.ValueInfoProto valueInfo(String name, Object... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (Object d : dims) {
            OnnxMl.TensorShapeProto.Dimension.Builder db = OnnxMl.TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String s) {
                db.setDimParam(s);
            } else {
                db.setDimValue(((Number) d).longValue());
            }
            shape.addDim(db);
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(OnnxMl.TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    private static OnnxMl.AttributeProto attribute(String name, Object value) {
        OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name);
        if (value instanceof Integer || value instanceof Long) {
            a.setType(OnnxMl.AttributeProto.AttributeType.INT).setI(((Number) value).longValue());
        } else if (value instanceof Float || value instanceof Double) {
            a.setType(OnnxMl.AttributeProto.AttributeType.FLOAT).setF(((Number) value).floatValue());
        } else if (value instanceof String s) {
            a.setType(OnnxMl.AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(s));
        } else if (value instanceof int[] ints) {
            a.setType(OnnxMl.AttributeProto.AttributeType.INTS);
            for (int i : ints) {
                a.addInts(i);
            }
        } else if (value instanceof long[] longs) {
            a.setType(OnnxMl.AttributeProto.AttributeType.INTS);
            for (long i : longs) {
                a.addInts(i);
            }
        } else if (value instanceof float[] floats) {
            a.setType(OnnxMl.AttributeProto.AttributeType.FLOATS);
            for (float f : floats) {
                a.addFloats(f);
            }
        } else {
            throw new IllegalArgumentException("unsupported attribute type for " + name + ": " + value);
        }
        return a.build();
    }
}
