package org.pdviz.app.sampling;

import org.pdviz.core.schedule.NoiseLevel;

/**
 * What the player shows at one position of a run: position {@code p} of {@code 0..N} is the state
 * z at the p-th grid time (t = 1 first) with the predictions made there; position N is the final
 * sample at t = 0, where no prediction is made ({@code epsHat} and {@code vHat} are null and
 * {@code xHat} is the sample itself).
 */
public record FrameData(int position, int last, NoiseLevel level, float[] z, float[] xHat, float[] epsHat,
                        float[] vHat) {

    public boolean isFinal() {
        return position == last;
    }
}
