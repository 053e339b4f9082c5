package org.pdviz.core.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The levels a DDIM sampler visits with N steps, in sampling order: step k goes from {@code from(k)}
 * to {@code to(k)}, the first from t = 1 and the last to t = 0. When {@code endsAtData} the last
 * step returns x_hat itself (the data end of the schedule); otherwise it is an ordinary step to a
 * level that still holds a little noise (diffusers' {@code set_alpha_to_one = False}).
 */
public record SamplingGrid(List<NoiseLevel> from, List<NoiseLevel> to, boolean endsAtData) {

    public SamplingGrid {
        from = List.copyOf(from);
        to = List.copyOf(to);
        if (from.isEmpty() || from.size() != to.size()) {
            throw new IllegalArgumentException("a grid needs as many step ends as starts, at least one; got "
                    + from.size() + " and " + to.size());
        }
    }

    /** Steps between consecutive levels ({@code N + 1} of them, noise first). */
    public static SamplingGrid chain(List<NoiseLevel> levels, boolean endsAtData) {
        List<NoiseLevel> from = new ArrayList<>(levels.subList(0, levels.size() - 1));
        return new SamplingGrid(from, levels.subList(1, levels.size()), endsAtData);
    }

    public int steps() {
        return from.size();
    }

    public NoiseLevel from(int k) {
        return from.get(k);
    }

    public NoiseLevel to(int k) {
        return to.get(k);
    }

    /** The levels in sampling order: every step's start, then where the last one ends ({@code N + 1}). */
    public List<NoiseLevel> levels() {
        List<NoiseLevel> all = new ArrayList<>(from);
        all.add(last());
        return all;
    }

    /** Where the last step ends (t = 0). */
    public NoiseLevel last() {
        return to.get(to.size() - 1);
    }

    /** Whether step k returns x_hat rather than stepping: the last one, when the grid ends at the data. */
    public boolean returnsXHat(int k) {
        return endsAtData && k == steps() - 1;
    }
}
