package org.pdviz.core.ddim;

import org.pdviz.core.schedule.NoiseLevel;

/**
 * One DDIM step as recorded: the state {@code z} at time {@code at.t()}, the predictions made there,
 * and the time {@code to.t()} the step goes to. Arrays hold the whole batch, row-major, and are
 * never modified after recording.
 */
public record Frame(int index, NoiseLevel at, NoiseLevel to, float[] z, float[] xHat, float[] epsHat,
                    float[] vHat) {
}
