package org.pdviz.app.jobs;

import java.nio.file.Path;

/** A finished round and the checkpoint it wrote ({@code steps} null for a teacher). */
public record RoundSummary(int round, int rounds, Integer steps, Path file, long iterations, double finalLoss,
                           double seconds) {
}
