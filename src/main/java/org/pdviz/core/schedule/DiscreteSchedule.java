package org.pdviz.core.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A discrete-time schedule: {@code alphaBar[k]} for the training timesteps k = 0..T-1 (DDPM's
 * {@code alpha_bar_k = prod_{j<=k} (1 - beta_j)}), strictly decreasing inside (0, 1). At timestep k:
 * {@code alpha = sqrt(alphaBar_k)}, {@code sigma = sqrt(1 - alphaBar_k)},
 * {@code logSnr = log(alphaBar_k / (1 - alphaBar_k))}, {@code phi = atan2(sigma, alpha)}; its
 * position is k. Position -1 is the data end, alpha = 1 (diffusers' {@code set_alpha_to_one}).
 * On the time axis timestep k sits at {@code t = (k + 1) / T}.
 */
public record DiscreteSchedule(double[] alphaBar) implements Schedule {

    public static final String NAME = "discrete";

    public DiscreteSchedule {
        if (alphaBar == null || alphaBar.length == 0) {
            throw new IllegalArgumentException("the alpha-bar table is empty");
        }
        alphaBar = alphaBar.clone();
        for (int k = 0; k < alphaBar.length; k++) {
            if (!(alphaBar[k] > 0 && alphaBar[k] < 1)) {
                throw new IllegalArgumentException("alpha-bar must lie strictly between 0 and 1, entry " + k + " is "
                        + alphaBar[k]);
            }
            if (k > 0 && !(alphaBar[k] < alphaBar[k - 1])) {
                throw new IllegalArgumentException("alpha-bar must decrease strictly, entry " + k + " (" + alphaBar[k]
                        + ") is not below entry " + (k - 1) + " (" + alphaBar[k - 1] + ")");
            }
        }
    }

    /**
     * The table of a beta schedule, {@code alphaBar_k = prod_{j<=k} (1 - beta_j)}, as diffusers' {@code
     * torch.cumprod} forms it: {@code 1 - beta} in float32, the product accumulated in double and each
     * entry rounded to float32.
     */
    public static DiscreteSchedule fromBetas(float[] betas) {
        double[] table = new double[betas.length];
        double product = 1;
        for (int k = 0; k < betas.length; k++) {
            product *= (float) (1f - betas[k]);
            table[k] = (float) product;
        }
        return new DiscreteSchedule(table);
    }

    public static DiscreteSchedule of(BetaSchedule betas, int timesteps, double betaStart, double betaEnd) {
        return fromBetas(betas.betas(timesteps, betaStart, betaEnd));
    }

    @Override
    public double[] alphaBar() {
        return alphaBar.clone();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** T, the number of training timesteps. */
    public int timesteps() {
        return alphaBar.length;
    }

    /** The level of timestep k (-1: the data end), placed at {@code t = (k + 1) / T}. */
    public NoiseLevel level(int k) {
        if (k < -1 || k >= alphaBar.length) {
            throw new IndexOutOfBoundsException("timestep " + k + " outside 0.." + (alphaBar.length - 1));
        }
        return k < 0 ? new NoiseLevel(0, 1, 0, Double.POSITIVE_INFINITY, 0, -1)
                : levelOf(alphaBar[k], (double) (k + 1) / alphaBar.length, k);
    }

    /** alpha, sigma, log-SNR and phi of one alpha-bar value. */
    static NoiseLevel levelOf(double alphaBar, double t, double position) {
        double alpha = Math.sqrt(alphaBar), sigma = Math.sqrt(1 - alphaBar);
        return new NoiseLevel(t, alpha, sigma, Math.log(alphaBar) - Math.log1p(-alphaBar), Math.atan2(sigma, alpha),
                position);
    }

    /** The nearest timestep to t (t below 1/(2T) is the data end). */
    @Override
    public NoiseLevel at(double t) {
        long k = Math.round(t * alphaBar.length) - 1;
        return level((int) Math.max(-1, Math.min(alphaBar.length - 1, k)));
    }

    @Override
    public NoiseLevel atPosition(double position) {
        if (position != Math.rint(position)) {
            throw new IllegalArgumentException("a discrete schedule's position is a timestep index, got " + position);
        }
        return level((int) position);
    }

    /** t of the timestep whose angle is nearest to phi (phi grows with k). */
    @Override
    public double tFromPhi(double phi) {
        int lo = -1, hi = alphaBar.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (level(mid).phi() < phi) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        int k = Math.abs(level(lo).phi() - phi) <= Math.abs(level(hi).phi() - phi) ? lo : hi;
        return (double) (k + 1) / alphaBar.length;
    }

    /**
     * The grid over the timesteps {@code options} choose ({@link TimestepSpacing}, trailing by default):
     * the step from timestep tau_i (placed at t = i/N) goes to the next one, or to {@code tau_i - floor(T/N)}
     * with {@link GridOptions.StepTo#STRIDE}; the last to alpha-bar = 1 (where it returns x_hat) or to
     * alpha-bar_0 ({@link GridOptions.FinalAlpha#FIRST}).
     */
    @Override
    public SamplingGrid grid(int steps, GridOptions options) {
        int[] tau = options.spacingOrDefault().timesteps(alphaBar.length, steps, options.stepsOffset());
        NoiseLevel end = options.finalAlphaOrDefault() == GridOptions.FinalAlpha.FIRST ? level(0).withT(0) : level(-1);
        List<NoiseLevel> from = new ArrayList<>(steps), to = new ArrayList<>(steps);
        for (int p = 0; p < steps; p++) {
            from.add(level(tau[p]).withT((double) (steps - p) / steps));
        }
        int stride = alphaBar.length / steps;
        for (int p = 0; p < steps; p++) {
            double t = (double) (steps - p - 1) / steps;
            if (options.stepToOrDefault() == GridOptions.StepTo.STRIDE) {
                int prev = tau[p] - stride;
                to.add(prev >= 0 ? level(prev).withT(t) : end);
            } else {
                to.add(p + 1 < steps ? from.get(p + 1) : end);
            }
        }
        return new SamplingGrid(from, to, to.get(steps - 1).sigma() == 0);
    }

    @Override
    public int maxSteps() {
        return alphaBar.length;
    }

    /** Timestep {@code index}: every one is a stop ({@code resolution} is T - 1). */
    @Override
    public NoiseLevel scrubLevel(int index, int resolution) {
        return level(index);
    }

    @Override
    public int scrubResolution(int wanted) {
        return alphaBar.length - 1;
    }

    @Override
    public int scrubIndex(double phi, int resolution) {
        return (int) Math.max(0, Math.round(tFromPhi(phi) * alphaBar.length) - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiscreteSchedule d && Arrays.equals(d.alphaBar, alphaBar);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(alphaBar);
    }

    @Override
    public String toString() {
        return "DiscreteSchedule[T=" + alphaBar.length + ", alphaBar " + alphaBar[0] + " .. "
                + alphaBar[alphaBar.length - 1] + "]";
    }
}
