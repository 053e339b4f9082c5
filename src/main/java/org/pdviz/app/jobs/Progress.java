package org.pdviz.app.jobs;

/**
 * Where a job is: stage {@code round + 1} of {@code rounds} (teacher training has one; a distillation
 * has one per halving, after a first "copying the teacher" stage for a fresh student), iteration
 * {@code iteration} of {@code iterations} in it, the last loss, the recent speed and the time left
 * for the whole job.
 *
 * @param label        what the stage does: "training", "copying the teacher", "512->256 steps"
 * @param studentSteps the steps of the student being distilled; null when training or copying a teacher
 */
public record Progress(int round, int rounds, String label, Integer studentSteps, long iteration, long iterations,
                       double loss, double stepsPerSecond, double etaSeconds) {
}
