package org.pdviz.train.family;

import java.util.List;
import java.util.Map;
import org.pdviz.core.model.DataShape;

/**
 * The 2-D family: {@code [z, sinusoidal(t)]} through {@code depth} hidden layers of {@code width}
 * units with SiLU, then a linear read-out.
 *
 * @param embedding size of the sinusoidal time embedding (even)
 */
public record Mlp(int dataDim, int width, int depth, int embedding, int outputFactor) implements Family {

    public static final String NAME = "mlp";
    public static final int DEFAULT_WIDTH = 256;
    public static final int DEFAULT_DEPTH = 3;
    public static final int DEFAULT_EMBEDDING = 32;

    public Mlp {
        if (dataDim < 1 || width < 1 || depth < 1 || outputFactor < 1) {
            throw new IllegalArgumentException("mlp needs data dim, width, depth >= 1 (got " + dataDim + ", " + width
                    + ", " + depth + ")");
        }
        if (embedding < 2 || embedding % 2 != 0) {
            throw new IllegalArgumentException("mlp embedding must be even and >= 2, got " + embedding);
        }
    }

    public static Mlp defaults(int dataDim, int outputFactor) {
        return new Mlp(dataDim, DEFAULT_WIDTH, DEFAULT_DEPTH, DEFAULT_EMBEDDING, outputFactor);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DataShape dataShape() {
        return DataShape.of(dataDim);
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Parameterized.hyperparameters("width", width, "depth", depth, "embedding", embedding);
    }

    @Override
    public List<ParamSpec> parameters() {
        Layers l = new Layers();
        l.linear("in", dataDim + embedding, width);
        for (int i = 1; i < depth; i++) {
            l.linear("hidden" + i, width, width);
        }
        l.linear("out", width, dataDim * outputFactor);
        return l.build();
    }

    @Override
    public <T> T forward(Ops<T> ops, T z, T t) {
        T h = ops.concat(z, ops.sinusoidal(t, Family.frequencies(embedding / 2)));
        h = ops.silu(ops.linear(h, "in"));
        for (int i = 1; i < depth; i++) {
            h = ops.silu(ops.linear(h, "hidden" + i));
        }
        return ops.linear(h, "out");
    }
}
