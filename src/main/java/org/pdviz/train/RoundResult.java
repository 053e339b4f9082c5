package org.pdviz.train;

import java.nio.file.Path;

/**
 * A finished round: teacher training is one round with {@code steps == null}; a distillation
 * round produced a student for {@code steps} sampling steps.
 */
public record RoundResult(int round, int rounds, Integer steps, Path file, long iterations, double finalLoss,
                          double seconds) {
}
