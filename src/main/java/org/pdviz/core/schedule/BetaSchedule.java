package org.pdviz.core.schedule;

import org.pdviz.core.Identified;

/**
 * The beta schedules of DDPM-style models, computed as diffusers' schedulers compute them (in
 * float32, so that the alpha-bar table matches the one such a model was trained with):
 * <ul>
 * <li>{@code linear}: {@code beta_k = linspace(betaStart, betaEnd, T)[k]};</li>
 * <li>{@code scaled_linear}: {@code beta_k = linspace(sqrt(betaStart), sqrt(betaEnd), T)[k]^2};</li>
 * <li>{@code squaredcos_cap_v2} (GLIDE's cosine, no betaStart/betaEnd):
 * {@code beta_k = min(1 - f((k+1)/T) / f(k/T), 0.999)}, {@code f(u) = cos((u + 0.008) / 1.008 * pi / 2)^2}.</li>
 * </ul>
 * linspace is torch's: {@code step = (end - start) / (T - 1)}, {@code start + k step} for the first half
 * and {@code end - (T - 1 - k) step} for the second, in float32.
 */
public enum BetaSchedule implements Identified {
    LINEAR("linear"),
    SCALED_LINEAR("scaled_linear"),
    SQUAREDCOS_CAP_V2("squaredcos_cap_v2");

    /** diffusers' {@code max_beta} for {@code squaredcos_cap_v2}. */
    public static final double MAX_BETA = 0.999;

    private final String id;

    BetaSchedule(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** Whether betaStart and betaEnd mean anything for this schedule. */
    public boolean usesRange() {
        return this != SQUAREDCOS_CAP_V2;
    }

    public static BetaSchedule parse(String s) {
        return Identified.parse(BetaSchedule.class, "beta schedule", s);
    }

    /** The T betas (float32 values, as diffusers holds them). */
    public float[] betas(int timesteps, double betaStart, double betaEnd) {
        if (timesteps < 1) {
            throw new IllegalArgumentException("timesteps must be at least 1, got " + timesteps);
        }
        float[] b;
        switch (this) {
            case LINEAR -> b = linspace((float) betaStart, (float) betaEnd, timesteps);
            case SCALED_LINEAR -> {
                b = linspace((float) Math.sqrt(betaStart), (float) Math.sqrt(betaEnd), timesteps);
                for (int k = 0; k < timesteps; k++) {
                    b[k] = b[k] * b[k];
                }
            }
            default -> {
                b = new float[timesteps];
                for (int k = 0; k < timesteps; k++) {
                    double u1 = (double) k / timesteps, u2 = (double) (k + 1) / timesteps;
                    b[k] = (float) Math.min(1 - glideAlphaBar(u2) / glideAlphaBar(u1), MAX_BETA);
                }
            }
        }
        return b;
    }

    /** GLIDE's {@code f(u) = cos((u + 0.008) / 1.008 * pi / 2)^2}. */
    static double glideAlphaBar(double u) {
        double c = Math.cos((u + 0.008) / 1.008 * Math.PI / 2);
        return c * c;
    }

    /** torch.linspace in float32 (its symmetric form: from the start for the first half, from the end after). */
    static float[] linspace(float start, float end, int n) {
        float[] out = new float[n];
        if (n == 1) {
            out[0] = start;
            return out;
        }
        float step = (end - start) / (n - 1);
        int half = n / 2;
        for (int k = 0; k < n; k++) {
            out[k] = k < half ? start + step * k : end - step * (n - k - 1);
        }
        return out;
    }
}
