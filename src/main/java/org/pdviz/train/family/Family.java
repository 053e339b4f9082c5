package org.pdviz.train.family;

import java.util.List;
import java.util.Map;
import org.pdviz.core.model.DataShape;
import org.pdviz.runtime.card.ModelCard;

/**
 * A network family with its hyperparameters: the parameters it declares and its forward pass,
 * written once against {@link Ops}. Inputs follow the model contract ({@code z} [B, ...data shape],
 * {@code t} [B]); the output has the data shape with {@link #outputFactor()} times the channels
 * ("both" outputs x then eps).
 */
public sealed interface Family extends Parameterized permits Mlp, Unet {

    /** The GroupNorm epsilon, the same in both emitters. */
    float NORM_EPSILON = 1e-5f;

    /** "mlp" or "unet", as in the card. */
    @Override
    String name();

    DataShape dataShape();

    int outputFactor();

    /** The hyperparameters as stored in the card (without the data shape and parameterisation). */
    Map<String, Object> hyperparameters();

    @Override
    List<ParamSpec> parameters();

    <T> T forward(Ops<T> ops, T z, T t);

    default DataShape outputShape() {
        return dataShape().withChannelFactor(outputFactor());
    }

    default ModelCard.Family card() {
        return new ModelCard.Family(name(), hyperparameters());
    }

    /** Frequencies {@code f_k = 1000 * 10000^(-k / half)}: t in [0, 1] spans the scale DDPM's integer steps had. */
    static float[] frequencies(int half) {
        float[] f = new float[half];
        for (int k = 0; k < half; k++) {
            f[k] = (float) (1000.0 * Math.exp(-Math.log(10000.0) * k / half));
        }
        return f;
    }

    default String describe() {
        return name() + " " + hyperparameters() + ", " + String.format("%,d", parameterCount()) + " parameters";
    }
}
