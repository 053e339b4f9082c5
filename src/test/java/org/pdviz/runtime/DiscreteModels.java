package org.pdviz.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.onnx.OnnxGraph;

/**
 * A DDPM-style model in diffusers' conventions, built as ONNX: inputs "sample" [B, 2] and "timestep"
 * [B] (int64 index, float index, or float log-SNR), output "out_sample", predicting eps for data
 * N(mu, s^2 I) exactly: with alpha-bar looked up from a table in the graph,
 * {@code x_hat = mu + alpha s^2 / (alpha^2 s^2 + sigma^2) (z - alpha mu)}, {@code eps_hat = (z - alpha x_hat) / sigma}.
 */
public final class DiscreteModels {

    /** What the graph takes as its time input. */
    public enum Time { INT64_INDEX, FLOAT_INDEX, LOG_SNR }

    public static final float[] MU = {0.4f, -0.3f};
    public static final float S = 0.5f;

    private DiscreteModels() {
    }

    /** The exact eps-predicting Gaussian model; {@code card} may be null (no card). */
    public static Path gaussian(Path file, double[] alphaBar, Time time, ModelCard card) throws IOException {
        OnnxGraph g = new OnnxGraph("ddpm-gaussian");
        g.input("sample", "B", 2);
        String ab;
        if (time == Time.LOG_SNR) {
            g.input("timestep", "B");
            // 1 / (1 + exp(-logSnr)); ONNX Runtime's Sigmoid is accurate in absolute, not relative, terms
            ab = g.op("Reciprocal", g.op("Add", g.scalar("one_l", 1f), g.op("Exp", g.op("Neg", "timestep"))));
        } else {
            String index = time == Time.INT64_INDEX ? g.int64Input("timestep", "B")
                    : g.op("Cast", Map.of("to", 7), g.input("timestep", "B"));
            float[] table = new float[alphaBar.length];
            for (int k = 0; k < table.length; k++) {
                table[k] = (float) alphaBar[k];
            }
            ab = g.op("Gather", g.floats("alphas_cumprod", table, table.length), index);
        }
        String ab2 = g.op("Unsqueeze", ab, g.axes("one", 1));
        String alpha = g.op("Sqrt", ab2);
        String sigma2 = g.op("Sub", g.scalar("one_f", 1f), ab2);
        String sigma = g.op("Sqrt", sigma2);
        String s2 = g.scalar("s2", S * S);
        String gain = g.op("Div", g.op("Mul", alpha, s2), g.op("Add", g.op("Mul", ab2, s2), sigma2));
        String mu = g.floats("mu", MU, 1, 2);
        String xHat = g.op("Add", mu, g.op("Mul", gain, g.op("Sub", "sample", g.op("Mul", alpha, mu))));
        g.opNamed("out_sample", "Div", Map.of(), g.op("Sub", "sample", g.op("Mul", alpha, xHat)), sigma);
        g.output("out_sample", "B", 2);
        OnnxGraph.write(g.model("test", card == null ? Map.of() : Map.of(ModelCard.METADATA_KEY,
                CardJson.write(card))), file);
        return file;
    }

    /** As {@link #gaussian} with an int64 "timestep" of shape [1]: one time for the whole batch. */
    public static Path shared(Path file, double[] alphaBar, ModelCard card) throws IOException {
        Path tmp = gaussian(file, alphaBar, Time.INT64_INDEX, card);
        var model = OnnxGraph.read(tmp);
        var graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getInputCount(); i++) {
            if (graph.getInput(i).getName().equals("timestep")) {
                var in = graph.getInput(i).toBuilder();
                in.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(0).clearDimParam()
                        .setDimValue(1);
                graph.setInput(i, in);
            }
        }
        OnnxGraph.write(model.toBuilder().setGraph(graph).build(), file);
        return file;
    }

    /** The exact x_hat of the model, in double: the test's independent denoiser. */
    public static double xHat(double z, int j, double alphaBar) {
        double alpha = Math.sqrt(alphaBar), sigma2 = 1 - alphaBar;
        double s2 = (double) S * S;
        return MU[j] + alpha * s2 / (alphaBar * s2 + sigma2) * (z - alpha * MU[j]);
    }

    /** A card in diffusers' terms: linear betas 1e-4..0.02 over T timesteps, eps, inputs sample/timestep. */
    public static ModelCard card(int timesteps, Time time) {
        return new ModelCard(ModelCard.FORMAT, "ddpm-gaussian", "ddpm-gaussian", "eps",
                ModelCard.ScheduleSpec.betas(org.pdviz.core.schedule.BetaSchedule.LINEAR, 1e-4, 0.02, timesteps),
                new int[] {2}, new double[] {-1, 1}, null, null, null, null,
                time == Time.LOG_SNR ? "logSnr" : "index", new ModelCard.Inputs("sample", "timestep"));
    }
}
