package org.pdviz.app.jobs;

/**
 * Where a job is: round {@code round + 1} of {@code rounds} (teacher training has one), iteration
 * {@code iteration} of {@code iterations} in it, the last loss, the recent speed and the time left
 * for the whole job.
 *
 * @param studentSteps the steps of the student being distilled, null when training a teacher
 */
public record Progress(int round, int rounds, Integer studentSteps, long iteration, long iterations, double loss,
                       double stepsPerSecond, double etaSeconds) {

    /** Fraction of the whole job done. */
    public double fraction() {
        return rounds == 0 || iterations == 0 ? 0 : (round + (double) iteration / iterations) / rounds;
    }
}
