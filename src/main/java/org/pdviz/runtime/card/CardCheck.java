package org.pdviz.runtime.card;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;

/**
 * The one place where a model card's fields are checked, so that a card is refused when a file is
 * loaded (command line and app alike) and never later, half-way through drawing or sampling. Each
 * problem is one phrase naming the field, its value and what is allowed; fields a card may leave
 * out (null) are not problems here ({@link CardOverrides#complete} fills or asks for them).
 */
public final class CardCheck {

    /** Values in one sample beyond which no array of a batch could be allocated. */
    public static final long MAX_SAMPLE_VALUES = 1L << 26;
    /** More sampling steps than any schedule grid here is meant for. */
    public static final int MAX_STEPS = 1 << 20;

    private CardCheck() {
    }

    /** Every problem with the card's fields; empty when the card is usable. */
    public static List<String> problems(ModelCard card) {
        List<String> out = new ArrayList<>();
        if (card.format() > ModelCard.FORMAT) {
            out.add("format " + card.format() + " is newer than this pdviz reads (" + ModelCard.FORMAT + ")");
        }
        if (card.parameterization() != null) {
            try {
                Parameterization.parse(card.parameterization());
            } catch (IllegalArgumentException e) {
                out.add("parameterization '" + card.parameterization() + "' is not one of x, eps, v, both");
            }
        }
        schedule(card.schedule(), out);
        if (card.dataShape() != null) {
            int[] d = card.dataShape();
            long size = 1;
            boolean positive = d.length > 0;
            for (int v : d) {
                positive &= v > 0;
                size = Math.min(size * Math.max(v, 1), MAX_SAMPLE_VALUES + 1);
            }
            if (!positive) {
                out.add("dataShape " + Arrays.toString(d) + " needs at least one dimension, all positive");
            } else if (size > MAX_SAMPLE_VALUES) {
                out.add("dataShape " + Arrays.toString(d) + " has more than " + MAX_SAMPLE_VALUES
                        + " values per sample");
            }
        }
        if (card.dataRange() != null) {
            double[] r = card.dataRange();
            if (r.length != 2 || !Double.isFinite(r[0]) || !Double.isFinite(r[1]) || !(r[0] < r[1])) {
                out.add("dataRange " + Arrays.toString(r) + " must be two finite numbers [lo, hi] with lo < hi");
            }
        }
        if (card.steps() != null && (card.steps() < 1 || card.steps() > MAX_STEPS)) {
            out.add("steps is " + card.steps() + ": a student is made for 1 to " + MAX_STEPS
                    + " sampling steps (a teacher has steps null)");
        }
        if (card.family() != null && (card.family().name() == null || card.family().name().isBlank())) {
            out.add("family has no name");
        }
        return out;
    }

    private static void schedule(ModelCard.Schedule s, List<String> out) {
        if (s == null) {
            return;
        }
        if (s.name() != null && !CosineSchedule.NAME.equals(s.name())) {
            out.add("schedule '" + s.name() + "' is not supported (only '" + CosineSchedule.NAME + "')");
        }
        if (Double.isNaN(s.logSnrMin()) || Double.isNaN(s.logSnrMax()) || !(s.logSnrMin() < s.logSnrMax())) {
            out.add("schedule log-SNR range [logSnrMin " + s.logSnrMin() + ", logSnrMax " + s.logSnrMax()
                    + "] needs logSnrMin < logSnrMax");
        }
    }

    /**
     * Throws with every problem, in one line, when the card is not usable.
     *
     * @param whose how to name the card in the message, e.g. "its card"
     */
    public static void require(ModelCard card, String whose) throws CardException {
        List<String> p = problems(card);
        if (!p.isEmpty()) {
            throw new CardException(whose + " (metadata '" + ModelCard.METADATA_KEY + "') is not valid: "
                    + String.join("; ", p));
        }
    }
}
