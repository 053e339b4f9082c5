package org.pdviz.core.distill;

import java.util.Arrays;
import java.util.Locale;
import org.pdviz.core.schedule.NoiseLevel;

/**
 * Loss weights {@code w(lambda_t)} on the x-space error {@code ||x - x_hat||^2}. SNR is what
 * eps-MSE amounts to (bad for distillation: zero weight as alpha -> 0); truncated SNR is
 * {@code max(SNR, 1)}; SNR+1 is exactly the v-MSE.
 */
public enum Weighting {
    SNR("snr"),
    TRUNCATED_SNR("truncated"),
    SNR_PLUS_ONE("snr+1");

    private final String id;

    Weighting(String id) {
        this.id = id;
    }

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
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Weighting w : values()) {
            if (w.id.equals(s)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown weighting '" + text + "', expected one of "
                + Arrays.toString(Arrays.stream(values()).map(Weighting::id).toArray()));
    }
}
