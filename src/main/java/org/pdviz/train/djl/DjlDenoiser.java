package org.pdviz.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.model.Denoiser;
import org.pdviz.core.param.Parameterization;

/**
 * A DJL network seen through core's {@link Denoiser} seam, so the sampler and
 * {@code DistillTarget.xTilde} run on it exactly as on an ONNX model (no gradients are recorded).
 * It owns the network: closing it closes the network.
 */
public final class DjlDenoiser implements Denoiser {

    private final Network network;
    private final Parameterization parameterization;

    public DjlDenoiser(Network network, Parameterization parameterization) {
        if (network.family().outputFactor() != parameterization.outputFactor()) {
            throw new IllegalArgumentException("the network's output does not fit parameterisation "
                    + parameterization.id());
        }
        this.network = network;
        this.parameterization = parameterization;
    }

    public Network network() {
        return network;
    }

    @Override
    public DataShape shape() {
        return network.family().dataShape();
    }

    @Override
    public Parameterization parameterization() {
        return parameterization;
    }

    @Override
    public int maxBatch() {
        return 4096;
    }

    @Override
    public void predict(float[] z, float[] t, int from, int batch, float[] out) {
        int dim = shape().size();
        int outDim = dim * parameterization.outputFactor();
        Torch.noGradients(); // a teacher's forward records no graph, whichever thread calls
        try (NDManager scope = network.manager().newSubManager()) {
            NDArray zA = scope.create(FloatBuffer.wrap(z, from * dim, batch * dim), new Shape(shape().batched(batch)));
            NDArray tA = scope.create(FloatBuffer.wrap(t, from, batch), new Shape(batch));
            float[] o = network.forward(scope, zA, tA).toFloatArray();
            System.arraycopy(o, 0, out, from * outDim, batch * outDim);
        }
    }

    /** Closes the network (a DJL denoiser owns it). */
    @Override
    public void close() {
        network.close();
    }
}
