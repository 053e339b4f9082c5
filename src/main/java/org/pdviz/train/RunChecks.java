package org.pdviz.train;

/** The checks every optimisation run shares, with messages that name the command-line option. */
final class RunChecks {

    private RunChecks() {
    }

    static void iterations(String option, long iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + iterations);
        }
    }

    static void learningRate(String option, double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException(option + " must be positive, got " + lr);
        }
    }

    /** {@code --iterations}-style count, {@code --batch} and {@code --lr}. */
    static void optimiser(String iterationsOption, long iterations, int batch, double lr) {
        iterations(iterationsOption, iterations);
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        }
        learningRate("--lr", lr);
    }
}
