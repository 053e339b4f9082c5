package org.pdviz.app.player;

import org.pdviz.app.i18n.Texts;
import org.pdviz.core.model.DataRange;

/**
 * The value range each quantity is drawn in, fixed for a whole run so that frames compare:
 * z_t and x_hat on the data range (so the last z_t looks exactly like the samples, and early,
 * noisy z_t saturates as noise does), eps_hat and v_hat (unit-variance quantities) on [-2, 2].
 * Scatter plots use one square window for all four, [-2, 2] (two standard deviations of the
 * unit-variance noise), widened when the data range needs it.
 */
public final class DisplayRanges {

    public enum Quantity {
        Z("z_t", "z\u209C"),
        X_HAT("x_hat", "x\u0302"),
        EPS_HAT("eps_hat", "\u03B5\u0302"),
        V_HAT("v_hat", "v\u0302");

        private final String id;
        private final String symbol;

        Quantity(String id, String symbol) {
            this.id = id;
            this.symbol = symbol;
        }

        public String id() {
            return id;
        }

        /** The paper's symbol, with Unicode combining marks (the UI's fonts carry them). */
        public String symbol() {
            return symbol;
        }

        /** What it is in words ("the noisy sample"), bundle key {@code quantity.ID}. */
        public String meaningKey() {
            return "quantity." + id;
        }

        public String meaning(Texts t) {
            return t.get(meaningKey());
        }
    }

    /** Unit-variance quantities are drawn over +-2 standard deviations. */
    public static final double NOISE_HALF_WIDTH = 2.0;
    /** Half-width of the square window of 2-D scatter plots, at least. */
    public static final double POINTS_HALF_WIDTH = 2.0;

    private DisplayRanges() {
    }

    public static DataRange image(Quantity q, DataRange data) {
        return switch (q) {
            case Z, X_HAT -> data;
            case EPS_HAT, V_HAT -> new DataRange(-NOISE_HALF_WIDTH, NOISE_HALF_WIDTH);
        };
    }

    /** The square window of a 2-D scatter plot (the same for every quantity). */
    public static DataRange points(DataRange data) {
        double h = Math.max(POINTS_HALF_WIDTH, Math.max(Math.abs(data.lo()), Math.abs(data.hi())) + 0.25);
        return new DataRange(-h, h);
    }
}
