package org.pdviz.train.onnx;

import java.util.Map;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.Ops;
import org.pdviz.runtime.onnx.OnnxGraph;

/** {@link Ops} recorded as ONNX nodes (opset 21); values are graph value names. */
final class OnnxOps implements Ops<String> {

    private final OnnxGraph g;
    private final Map<String, String> params;
    private final Map<String, long[]> shapes;
    private String emptyRoi;
    private String upsampleScales;
    private String axesHw;

    /**
     * @param params parameter name to initializer name
     * @param shapes parameter name to shape (a conv's kernel size is read from its weight)
     */
    OnnxOps(OnnxGraph g, Map<String, String> params, Map<String, long[]> shapes) {
        this.g = g;
        this.params = params;
        this.shapes = shapes;
    }

    private String p(String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalStateException("family uses undeclared parameter '" + name + "'");
        }
        return v;
    }

    @Override
    public String linear(String x, String layer) {
        return g.op("Gemm", Map.of("transB", 1), x, p(layer + ".weight"), p(layer + ".bias"));
    }

    @Override
    public String conv(String x, String layer, int stride, int padding) {
        long k = shapes.get(layer + ".weight")[2];
        return g.op("Conv", Map.of("kernel_shape", new long[] {k, k}, "strides", new long[] {stride, stride},
                "pads", new long[] {padding, padding, padding, padding}), x, p(layer + ".weight"), p(layer + ".bias"));
    }

    @Override
    public String groupNorm(String x, String layer, int groups) {
        // opset 21: scale and bias are per channel
        return g.op("GroupNormalization", Map.of("num_groups", groups, "epsilon", Family.NORM_EPSILON), x,
                p(layer + ".weight"), p(layer + ".bias"));
    }

    @Override
    public String silu(String x) {
        return g.op("Mul", x, g.op("Sigmoid", x));
    }

    @Override
    public String relu(String x) {
        return g.op("Relu", x);
    }

    @Override
    public String maxPool2(String x) {
        return g.op("MaxPool", Map.of("kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2}), x);
    }

    @Override
    public String globalAveragePool(String x) {
        // [B, C, 1, 1] -> [B, C]
        return g.op("Flatten", Map.of("axis", 1), g.op("GlobalAveragePool", x));
    }

    @Override
    public String add(String a, String b) {
        return g.op("Add", a, b);
    }

    @Override
    public String addPerChannel(String h, String v) {
        if (axesHw == null) {
            axesHw = g.axes("axes_hw", 2, 3);
        }
        return g.op("Add", h, g.op("Unsqueeze", v, axesHw));
    }

    @Override
    public String concat(String a, String b) {
        return g.op("Concat", Map.of("axis", 1), a, b);
    }

    @Override
    public String upsample2(String x) {
        if (emptyRoi == null) {
            emptyRoi = g.floats("roi_empty", new float[0], 0);
            upsampleScales = g.floats("scales_up2", new float[] {1, 1, 2, 2}, 4);
        }
        // asymmetric + floor: output pixel (i, j) copies input (i / 2, j / 2), as DJL's nearest interpolation
        return g.op("Resize", Map.of("mode", "nearest", "coordinate_transformation_mode", "asymmetric",
                "nearest_mode", "floor"), x, emptyRoi, upsampleScales);
    }

    @Override
    public String sinusoidal(String t, float[] frequencies) {
        String f = g.floats("frequencies", frequencies, 1, frequencies.length);
        String args = g.op("Mul", g.op("Unsqueeze", t, g.axes("axis1", 1)), f);
        return g.op("Concat", Map.of("axis", 1), g.op("Sin", args), g.op("Cos", args));
    }
}
