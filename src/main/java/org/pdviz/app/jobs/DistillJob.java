package org.pdviz.app.jobs;

import java.nio.file.Path;
import java.util.Map;

/**
 * Progressive distillation: {@code pdviz distill}. {@code family} null: the student starts from
 * the teacher's own weights (the teacher must be one of our families); else a fresh network of that
 * family. {@code teacherParameterization} is for a teacher without a card; {@code data} and
 * {@code from} default to the teacher's card.
 *
 * @param evalCount samples for the closing same-noise comparison (0: none)
 */
public record DistillJob(Path teacher, String teacherParameterization, String family, Map<String, String> net,
                         String studentParameterization, String data, Integer from, int to, long iterationsPerRound,
                         Integer batch, Double lr, String weighting, double clip, long seed, String device,
                         int threads, String teacherEngine, int evalCount, double checkpointSeconds, Path out,
                         String command) implements JobSpec {

    public DistillJob {
        net = net == null ? Map.of() : Map.copyOf(net);
    }
}
