package org.pdviz.app.jobs;

import java.nio.file.Path;

/**
 * One stage of a job as planned ({@link JobSpec#stages}): teacher training has one; a distillation one
 * per halving, after a "copying the teacher" stage for a fresh student.
 *
 * @param label        what it does, as in {@link Progress#label()}: "training", "512->256 steps"
 * @param studentSteps the steps of the student it makes; null for a teacher (training or a copy)
 * @param file         the checkpoint it writes when it finishes
 */
public record Stage(int index, String label, Integer studentSteps, long iterations, Path file) {
}
