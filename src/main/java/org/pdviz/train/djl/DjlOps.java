package org.pdviz.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.pooling.Pool;
import java.util.HashMap;
import java.util.Map;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.Ops;

/**
 * {@link Ops} on DJL tensors. Every intermediate lives in {@code scope} (one manager per step,
 * closed after it): a DJL op puts its result in its receiver's manager, so a result computed from a
 * parameter (a reshape of a GroupNorm scale) is moved to the scope, or it would pile up in the
 * network's manager at every step.
 */
final class DjlOps implements Ops<NDArray> {

    private final Map<String, NDArray> params;
    private final NDManager scope;
    private final Map<Long, NDArray[]> unitAffine = new HashMap<>();

    DjlOps(Map<String, NDArray> params, NDManager scope) {
        this.params = params;
        this.scope = scope;
    }

    private NDArray p(String name) {
        NDArray a = params.get(name);
        if (a == null) {
            throw new IllegalStateException("family uses undeclared parameter '" + name + "'");
        }
        return a;
    }

    private NDArray scoped(NDArray a) {
        a.attach(scope);
        return a;
    }

    @Override
    public NDArray linear(NDArray x, String layer) {
        return Linear.linear(x, p(layer + ".weight"), p(layer + ".bias")).head();
    }

    @Override
    public NDArray conv(NDArray x, String layer, int stride, int padding) {
        return Conv2d.conv2d(x, p(layer + ".weight"), p(layer + ".bias"), new Shape(stride, stride),
                new Shape(padding, padding), new Shape(1, 1), 1).head();
    }

    @Override
    public NDArray groupNorm(NDArray x, String layer, int groups) {
        // No GroupNorm op in DJL: layer_norm over each group's (C/G, H, W) values, then the per-channel affine.
        Shape s = x.getShape();
        long channels = s.get(1);
        NDArray grouped = x.reshape(s.get(0), groups, -1);
        long k = grouped.getShape().get(2);
        NDArray[] unit = unitAffine.computeIfAbsent(k, n -> new NDArray[] {
            scope.ones(new Shape(n), x.getDataType()), scope.zeros(new Shape(n), x.getDataType())});
        NDArray normed = LayerNorm.layerNorm(grouped, new Shape(k), unit[0], unit[1], Family.NORM_EPSILON).head()
                .reshape(s);
        NDArray gamma = scoped(p(layer + ".weight").reshape(1, channels, 1, 1));
        NDArray beta = scoped(p(layer + ".bias").reshape(1, channels, 1, 1));
        return normed.mul(gamma).add(beta);
    }

    @Override
    public NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    @Override
    public NDArray relu(NDArray x) {
        return Activation.relu(x);
    }

    @Override
    public NDArray maxPool2(NDArray x) {
        return Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
    }

    @Override
    public NDArray globalAveragePool(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), -1).mean(new int[] {2}); // PyTorch's mean here takes one axis
    }

    @Override
    public NDArray add(NDArray a, NDArray b) {
        return a.add(b);
    }

    @Override
    public NDArray addPerChannel(NDArray h, NDArray v) {
        Shape s = v.getShape();
        return h.add(v.reshape(s.get(0), s.get(1), 1, 1));
    }

    @Override
    public NDArray concat(NDArray a, NDArray b) {
        return a.concat(b, 1);
    }

    @Override
    public NDArray upsample2(NDArray x) {
        Shape s = x.getShape();
        return x.getNDArrayInternal().interpolation(new long[] {s.get(2) * 2, s.get(3) * 2}, 0, false);
    }

    @Override
    public NDArray sinusoidal(NDArray t, float[] frequencies) {
        NDArray f = scope.create(frequencies, new Shape(1, frequencies.length)).toDevice(t.getDevice(), false);
        NDArray args = t.reshape(-1, 1).mul(f);
        return args.sin().concat(args.cos(), 1);
    }
}
