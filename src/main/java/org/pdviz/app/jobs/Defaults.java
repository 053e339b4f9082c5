package org.pdviz.app.jobs;

import org.pdviz.core.distill.Weighting;
import org.pdviz.core.param.Parameterization;

/** Per-family defaults: batch sizes the benchmarks use, and learning rates that work on them. */
public final class Defaults {

    private Defaults() {
    }

    public static int batch(String family) {
        return "unet".equals(family) ? 64 : 512;
    }

    public static long iterations(String family) {
        return "unet".equals(family) ? 20_000 : 20_000;
    }

    public static double trainLr(String family) {
        return "unet".equals(family) ? 2e-4 : 1e-3;
    }

    /** Lower than for training: the student starts close to its target (the paper uses 5e-5 on CIFAR-10). */
    public static double distillLr(String family) {
        return "unet".equals(family) ? 5e-5 : 3e-4;
    }

    public static final double EMA = 0.999;
    public static final double CLIP = 1.0;
    /** The loss weighting's id (a constant, for option defaults). */
    public static final String WEIGHTING = "snr+1";
    public static final String PARAMETERIZATION = "v";
    public static final double CHECKPOINT_SECONDS = 30;

    public static Weighting weighting() {
        return Weighting.parse(WEIGHTING);
    }

    public static Parameterization parameterization() {
        return Parameterization.parse(PARAMETERIZATION);
    }
}
