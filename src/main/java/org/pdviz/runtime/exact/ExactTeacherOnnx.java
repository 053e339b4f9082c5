package org.pdviz.runtime.exact;

import ai.onnx.proto.OnnxMl;
import java.util.Map;
import org.pdviz.core.exact.GaussianMixture;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.onnx.OnnxGraph;

/**
 * Writes the exact denoiser of a Gaussian mixture as an ONNX graph that computes
 * {@code E[x | z_t]} inside the graph (x-parameterisation), for any data shape:
 * <pre>
 *   phi = a t + b; alpha = cos(phi); sigma = sin(phi)
 *   d_k   = z - alpha mu_k                              [B, K, D]
 *   var_k = alpha^2 s_k^2 + sigma^2                     [B, K]
 *   r     = softmax_k(log pi_k - D/2 log var_k - |d_k|^2 / (2 var_k))
 *   x_hat = sum_k r_k (mu_k + (alpha s_k^2 / var_k) d_k)
 * </pre>
 * The graph computes in float64 (inputs cast up, the output cast down): with 784 pixels the
 * log-responsibilities reach hundreds, and float32 would lose the 1e-5 agreement with the closed form.
 */
public final class ExactTeacherOnnx {

    private ExactTeacherOnnx() {
    }

    public static OnnxMl.ModelProto build(GaussianMixture m, CosineSchedule schedule, ModelCard card) {
        return m.hasEqualStds() ? buildEqualStds(m, schedule, card, precise(m)) : buildGeneral(m, schedule, card);
    }

    /** Components above which 2-D (any 1-axis) points take the float32 path. */
    static final int FLOAT32_FROM = 256;

    /**
     * Double precision except for many points: there the [B, K] softmax is the whole cost and float32
     * runs 3-10x faster, with logits of at most |z| |mu| / s^2 in size, whose rounding moves x_hat by
     * about 1e-5 (tested). Images keep float64: their logits sum hundreds of pixel products.
     */
    static boolean precise(GaussianMixture m) {
        return !m.shape().isPoints() || m.components() < FLOAT32_FROM;
    }

    /**
     * Every component with the same std s (one per data point, or the presets): then {@code var} is
     * the same for all k, {@code |z|^2} drops out of the softmax, and the responsibilities need one
     * matrix product, so the cost is linear in K with no [B, K, D] tensor:
     * <pre>
     *   var    = alpha^2 s^2 + sigma^2                                     [B, 1]
     *   r      = softmax_k(log pi_k + (alpha z . mu_k - alpha^2 |mu_k|^2 / 2) / var)    [B, K]
     *   m      = r mu  (the posterior mean of the component means)          [B, D]
     *   x_hat  = m + (alpha s^2 / var) (z - alpha m)
     * </pre>
     */
    static OnnxMl.ModelProto buildEqualStds(GaussianMixture m, CosineSchedule schedule, ModelCard card,
                                            boolean precise) {
        DataShape shape = m.shape();
        int k = m.components(), d = shape.size();
        Inputs in = Inputs.of(shape);
        OnnxGraph g = in.g();
        double s2 = m.stds()[0] * m.stds()[0];
        // W = [mu^T; -|mu_k|^2 / 2; log pi_k]: the logits are one product [alpha z / var, alpha^2 / var, 1] W
        double[] mu = new double[k * d], w = new double[(d + 2) * k];
        for (int c = 0; c < k; c++) {
            double sq = 0;
            for (int j = 0; j < d; j++) {
                double v = m.means()[c][j];
                mu[c * d + j] = v;
                w[j * k + c] = v;
                sq += v * v;
            }
            w[d * k + c] = -sq / 2;
            w[(d + 1) * k + c] = Math.log(m.weights()[c]);
        }
        String[] cosSin = in.alphaSigma(schedule);                                    // [B, 1]
        String alpha = cosSin[0];
        String sigma = cosSin[1];
        String s2T = g.doubles("s2", new double[] {s2});
        String var = g.op("Add", g.op("Mul", g.op("Mul", alpha, alpha), s2T), g.op("Mul", sigma, sigma)); // [B, 1]
        String flat = in.flat();                                                      // [B, D]
        String aOverVar = g.op("Div", alpha, var);
        String features = g.op("Concat", Map.of("axis", 1), g.op("Mul", flat, aOverVar),
                g.op("Mul", alpha, aOverVar), g.op("Div", var, var));                // [B, D + 2]
        // the [B, K] part in float32 unless precise: the softmax's exponentials are most of the cost
        String logits = g.op("MatMul", precise ? features : g.cast(features, false),
                tensor(g, precise, "w", w, d + 2, k));                                // [B, K]
        String r = g.op("Softmax", Map.of("axis", 1), logits);                        // [B, K]
        String mean = g.op("MatMul", r, tensor(g, precise, "mu", mu, k, d));          // [B, D]
        String m64 = precise ? mean : g.cast(mean, true);
        String gain = g.op("Mul", alpha, g.op("Div", s2T, var));                      // [B, 1]
        String xFlat = g.op("Add", m64, g.op("Mul", gain, g.op("Sub", flat, g.op("Mul", alpha, m64))));
        return in.finish(xFlat, card);
    }

    private static String tensor(OnnxGraph g, boolean precise, String hint, double[] v, long... dims) {
        if (precise) {
            return g.doubles(hint, v, dims);
        }
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return g.floats(hint, f, dims);
    }

    /** The graph both builders start from, its inputs z [B, ...data shape] and t [B], and how they end it. */
    private record Inputs(OnnxGraph g, Object[] zDims, String z, String t) {
        static Inputs of(DataShape shape) {
            OnnxGraph g = new OnnxGraph("exact_gaussian_mixture");
            Object[] zDims = ExactTeacherOnnx.zDims(shape);
            return new Inputs(g, zDims, g.input("z", zDims), g.input("t", "B"));
        }

        /** alpha and sigma at t, [B, 1] each, in float64: phi = phiAtZero + t phiSpan. */
        String[] alphaSigma(CosineSchedule schedule) {
            String phi = g.op("Add", g.op("Mul", g.cast(t, true), g.doubles("phi_span",
                    new double[] {schedule.phiSpan()})), g.doubles("phi_at_zero", new double[] {schedule.phiAtZero()}));
            return cosSin(g, g.op("Unsqueeze", phi, g.axes("axis1", 1)));
        }

        /** z in float64, flattened to [B, D]. */
        String flat() {
            return g.op("Reshape", g.cast(z, true), g.axes("flat_shape", 0, -1));
        }

        /** The output x: {@code xFlat} [B, D] as float32 in z's shape; the model, with its card. */
        OnnxMl.ModelProto finish(String xFlat, ModelCard card) {
            g.opNamed("x", "Reshape", Map.of(), g.cast(xFlat, false), g.op("Shape", z));
            g.output("x", zDims);
            return g.model("pdviz-exact", Map.of(ModelCard.METADATA_KEY, CardJson.write(card)));
        }
    }

    private static Object[] zDims(DataShape shape) {
        Object[] zDims = new Object[shape.rank() + 1];
        zDims[0] = "B";
        for (int i = 0; i < shape.rank(); i++) {
            zDims[i + 1] = shape.dim(i);
        }
        return zDims;
    }

    /** Any mixture: the [B, K, D] differences to every mean. */
    static OnnxMl.ModelProto buildGeneral(GaussianMixture m, CosineSchedule schedule, ModelCard card) {
        DataShape shape = m.shape();
        int k = m.components(), d = shape.size();
        Inputs in = Inputs.of(shape);
        OnnxGraph g = in.g();

        double[] mu = new double[k * d], s2 = new double[k], logW = new double[k];
        for (int c = 0; c < k; c++) {
            System.arraycopy(m.means()[c], 0, mu, c * d, d);
            s2[c] = m.stds()[c] * m.stds()[c];
            logW[c] = Math.log(m.weights()[c]);
        }
        String muT = g.doubles("mu", mu, 1, k, d);
        String s2T = g.doubles("s2", s2, 1, k);
        String logWT = g.doubles("log_weight", logW, 1, k);

        String[] cosSin = in.alphaSigma(schedule);                               // [B, 1]
        String alpha = cosSin[0];
        String sigma = cosSin[1];
        String flat = in.flat();                                                 // [B, D]
        String z3 = g.op("Unsqueeze", flat, g.axes("axis1", 1));                 // [B, 1, D]
        String alpha3 = g.op("Unsqueeze", alpha, g.axes("axis2", 2));            // [B, 1, 1]
        String diff = g.op("Sub", z3, g.op("Mul", alpha3, muT));                  // [B, K, D]
        String dist = g.op("ReduceSum", Map.of("keepdims", 0), g.op("Mul", diff, diff), g.axes("axis2", 2)); // [B, K]
        String var = g.op("Add", g.op("Mul", g.op("Mul", alpha, alpha), s2T), g.op("Mul", sigma, sigma));   // [B, K]
        String logits = g.op("Sub",
                g.op("Sub", logWT, g.op("Mul", g.doubles("half_dim", new double[] {0.5 * d}), g.op("Log", var))),
                g.op("Div", dist, g.op("Mul", g.doubles("two", new double[] {2}), var)));
        String r = g.op("Softmax", Map.of("axis", 1), logits);                   // [B, K]
        String gain = g.op("Div", g.op("Mul", alpha, s2T), var);                 // [B, K]
        String posterior = g.op("Add", muT, g.op("Mul", g.op("Unsqueeze", gain, g.axes("axis2", 2)), diff));
        String weighted = g.op("Mul", g.op("Unsqueeze", r, g.axes("axis2", 2)), posterior);
        String xFlat = g.op("ReduceSum", Map.of("keepdims", 0), weighted, g.axes("axis1", 1));          // [B, D]
        return in.finish(xFlat, card);
    }

    /**
     * cos(phi) and sin(phi) in float64 for phi in [0, pi/2]. ONNX Runtime has no double Cos/Sin, so:
     * y = phi - pi/4 in [-pi/4, pi/4], Taylor series of cos y and sin y to y^18 (error below 1e-16),
     * then cos(phi) = (cos y - sin y) / sqrt(2), sin(phi) = (cos y + sin y) / sqrt(2).
     */
    private static String[] cosSin(OnnxGraph g, String phi) {
        String y = g.op("Sub", phi, g.doubles("quarter_pi", new double[] {Math.PI / 4}));
        String y2 = g.op("Mul", y, y);
        int terms = 10;
        double[] cosCoef = new double[terms], sinCoef = new double[terms];
        double fact = 1;
        for (int n = 0; n < 2 * terms; n++) {
            if (n > 0) {
                fact *= n;
            }
            double c = ((n / 2) % 2 == 0 ? 1 : -1) / fact;
            if (n % 2 == 0) {
                cosCoef[n / 2] = c;
            } else {
                sinCoef[n / 2] = c;
            }
        }
        String cosY = horner(g, y2, cosCoef, "cos_c");
        String sinY = g.op("Mul", y, horner(g, y2, sinCoef, "sin_c"));
        String invSqrt2 = g.doubles("inv_sqrt2", new double[] {Math.sqrt(0.5)});
        return new String[] {
            g.op("Mul", g.op("Sub", cosY, sinY), invSqrt2),
            g.op("Mul", g.op("Add", cosY, sinY), invSqrt2)};
    }

    /** sum_i coef[i] x^i by Horner's rule. */
    private static String horner(OnnxGraph g, String x, double[] coef, String hint) {
        String acc = g.doubles(hint, new double[] {coef[coef.length - 1]});
        for (int i = coef.length - 2; i >= 0; i--) {
            acc = g.op("Add", g.op("Mul", acc, x), g.doubles(hint, new double[] {coef[i]}));
        }
        return acc;
    }
}
