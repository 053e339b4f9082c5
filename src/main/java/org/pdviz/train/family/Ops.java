package org.pdviz.train.family;

/**
 * The operations a network family is written in. A family's forward pass is written once against
 * this interface; {@code DjlOps} runs it on tensors (training), {@code OnnxOps} records it as an
 * ONNX graph (inference), so the two cannot drift apart. Layers are named: a layer's parameters are
 * {@code <layer>.weight} and {@code <layer>.bias}.
 *
 * @param <T> a tensor, or the name of a value in a graph
 */
public interface Ops<T> {

    /** {@code x W^T + b} with W of shape [out, in]. */
    T linear(T x, String layer);

    /** A 2-D convolution with square kernel (size from the weight), stride and zero padding. */
    T conv(T x, String layer, int stride, int padding);

    /** Group normalisation of [B, C, H, W] over (C / groups, H, W), then a per-channel affine map. */
    T groupNorm(T x, String layer, int groups);

    /** {@code x * sigmoid(x)}. */
    T silu(T x);

    /** {@code max(0, x)}. */
    T relu(T x);

    /** 2x2 max pooling with stride 2 of [B, C, H, W] (H and W even). */
    T maxPool2(T x);

    /** The mean over H and W: [B, C, H, W] to [B, C]. */
    T globalAveragePool(T x);

    T add(T a, T b);

    /** {@code h + v} for h [B, C, H, W] and v [B, C] (v broadcast over H and W). */
    T addPerChannel(T h, T v);

    /** Concatenation along axis 1 (features of [B, F], channels of [B, C, H, W]). */
    T concat(T a, T b);

    /** Nearest-neighbour upsampling of [B, C, H, W] by 2 in H and W. */
    T upsample2(T x);

    /** [B] to [B, 2K]: {@code sin(t f_k)} for k < K, then {@code cos(t f_k)}. */
    T sinusoidal(T t, float[] frequencies);
}
