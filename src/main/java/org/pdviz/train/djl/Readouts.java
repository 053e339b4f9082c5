package org.pdviz.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.NoiseLevel;

/**
 * {@code x_hat} from a network's output on tensors, with the per-sample coefficients of core's
 * {@link Parameterization#xHat} read-out (the one home of those formulas):
 * {@code x_hat = z * c.z + out1 * c.first + out2 * c.second}, out2 being the eps half for "both".
 */
public final class Readouts {

    private Readouts() {
    }

    /** The three coefficient tensors, each [B, 1, ...] so they broadcast over a sample. */
    public static NDArray[] xHatCoefficients(NDManager scope, Parameterization p, NoiseLevel[] levels, int zRank) {
        int batch = levels.length;
        float[] cz = new float[batch], c1 = new float[batch], c2 = new float[batch];
        for (int b = 0; b < batch; b++) {
            Parameterization.Readout r = p.xHat(levels[b]);
            cz[b] = (float) r.z();
            c1[b] = (float) r.first();
            c2[b] = (float) r.second();
        }
        long[] dims = new long[zRank];
        java.util.Arrays.fill(dims, 1);
        dims[0] = batch;
        Shape s = new Shape(dims);
        return new NDArray[] {scope.create(cz, s), scope.create(c1, s), scope.create(c2, s)};
    }

    public static NDArray xHat(Parameterization p, NDArray out, NDArray z, NDArray[] coefficients) {
        if (p == Parameterization.BOTH) {
            NDList halves = out.split(2, 1);
            return z.mul(coefficients[0]).add(halves.get(0).mul(coefficients[1]))
                    .add(halves.get(1).mul(coefficients[2]));
        }
        NDArray x = out.mul(coefficients[1]);
        return p == Parameterization.X ? x : x.add(z.mul(coefficients[0]));
    }
}
