package org.pdviz.runtime.card;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pdviz.core.model.TimeInput;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.Schedule;

/**
 * The one place where a model card's fields are checked, so that a card is refused when a file is
 * loaded (command line and app alike) and never later, half-way through drawing or sampling. Each
 * problem is one phrase naming the field, its value and what is allowed; fields a card may leave
 * out (null) are not problems here ({@link CardOverrides#complete} fills or asks for them), so a
 * side card (any subset of the fields) is checked here too. The schedule's own checks are in
 * {@link ModelCard.ScheduleSpec#value()}, whose messages name the field ("schedule.betaEnd: ...").
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
        Schedule schedule = schedule(card.schedule(), out);
        TimeInput time = null;
        if (card.timeInput() != null) {
            try {
                time = TimeInput.parse(card.timeInput());
            } catch (IllegalArgumentException e) {
                out.add("timeInput: " + e.getMessage());
            }
        }
        if (time != null && schedule != null) {
            try {
                time.check(schedule);
            } catch (IllegalArgumentException e) {
                out.add("timeInput: " + e.getMessage());
            }
        }
        if (card.inputs() != null) {
            ModelCard.Inputs in = card.inputsValue();
            if (in.z().isBlank() || in.t().isBlank() || in.z().equals(in.t())) {
                out.add("inputs " + in + " needs two different, non-empty names for z and t");
            }
        }
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
        if (card.steps() != null && schedule != null && card.steps() > schedule.maxSteps()
                && card.steps() <= MAX_STEPS) {
            out.add("steps is " + card.steps() + ": the schedule (" + card.schedule().describe() + ") allows at most "
                    + schedule.maxSteps() + " sampling steps");
        }
        if (card.family() != null && (card.family().name() == null || card.family().name().isBlank())) {
            out.add("family has no name");
        }
        return out;
    }

    /** The schedule the field describes (null when absent or unusable, the problem then added). */
    private static Schedule schedule(ModelCard.ScheduleSpec s, List<String> out) {
        if (s == null) {
            return null;
        }
        try {
            return s.value();
        } catch (IllegalArgumentException e) {
            out.add(e.getMessage());
            return null;
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
