package org.pdviz.train;

import org.pdviz.train.SettingException.Problem;

/** The checks every optimisation run shares, with messages that name the setting. */
final class RunChecks {

    private RunChecks() {
    }

    static void iterations(Setting setting, long iterations) {
        atLeastOne(setting, iterations);
    }

    static void atLeastOne(Setting setting, long value) {
        if (value < 1) {
            throw new SettingException(Problem.AT_LEAST_ONE, setting, value);
        }
    }

    static void learningRate(Setting setting, double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new SettingException(Problem.POSITIVE, setting, lr);
        }
    }

    /** An iteration count, the batch size and the learning rate. */
    static void optimiser(Setting iterationsSetting, long iterations, int batch, double lr) {
        iterations(iterationsSetting, iterations);
        atLeastOne(Setting.BATCH, batch);
        learningRate(Setting.LR, lr);
    }
}
