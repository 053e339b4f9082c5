package org.pdviz.app.jobs;

import java.util.List;
import org.pdviz.app.eval.DistillComparison;

/**
 * How a job ended. A cancelled job keeps every finished round and its saved state: resume it
 * later. {@code evaluation} is the closing same-noise comparison of a distillation (or null).
 *
 * @param network the trained family, its hyperparameters and parameter count, in words
 */
public record JobResult(Status status, JobSpec spec, List<RoundSummary> rounds, long iterations, double seconds,
                        String device, String network, DistillComparison.Comparison evaluation) {

    public enum Status { FINISHED, CANCELLED }

    public JobResult {
        rounds = List.copyOf(rounds);
    }

    public boolean cancelled() {
        return status == Status.CANCELLED;
    }
}
