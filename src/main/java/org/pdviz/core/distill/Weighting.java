package org.pdviz.core.distill;

import org.pdviz.core.Identified;
import org.pdviz.core.schedule.NoiseLevel;

/**
 * Loss weights {@code w(lambda_t)} on the x-space error {@code ||x - x_hat||^2}. SNR is what
 * eps-MSE amounts to (bad for distillation: zero weight as alpha -> 0); truncated SNR is
 * {@code max(SNR, 1)}; SNR+1 is exactly the v-MSE.
 */
public enum Weighting implements Identified {
    SNR("snr"),
    TRUNCATED_SNR("truncated"),
    SNR_PLUS_ONE("snr+1");

    private final String id;

    Weighting(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public double weight(NoiseLevel level) {
        double snr = level.snr();
        return switch (this) {
            case SNR -> snr;
            case TRUNCATED_SNR -> Math.max(snr, 1.0);
            case SNR_PLUS_ONE -> snr + 1.0;
        };
    }

    public static Weighting parse(String text) {
        return Identified.parse(Weighting.class, "weighting", text);
    }
}
