package org.pdviz.app.jobs;

import java.nio.file.Path;
import java.util.Map;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.param.Parameterization;
import org.pdviz.runtime.Device;
import org.pdviz.train.RoundIterations;
import org.pdviz.train.TeacherEngine;

/**
 * Progressive distillation: {@code pdviz distill}. {@code family} null: the student starts from
 * the teacher's own weights (the teacher must be one of our families); else a fresh network of that
 * family. Null {@code batch}, {@code lr}, {@code weighting}, {@code teacherEngine} take the defaults
 * ({@link Defaults}; per family). {@code teacherParameterization} and {@code teacherCard} (a side card
 * file) are for a teacher without a card, or override its card; {@code data} and {@code from} default
 * to the teacher's card.
 *
 * @param evalCount      samples for the closing same-noise comparison (negative: the default; 0: none)
 * @param copyIterations for a fresh student, the iterations of the stage that first makes it a copy of the
 *                       teacher (null: four times the iterations per round)
 * @param copyLr         that stage's learning rate (null: the family's training rate, {@link Defaults#trainLr})
 * @param data           a built-in data set's name, a data file's path, or "teacher" (data-free: the teacher's own
 *                       samples); null: the teacher card's data set
 * @param normalize      map a point file into [-1, 1] (by default a file gets the map its teacher's card records)
 * @param teacherSamples with data "teacher", how many samples to draw (null: 4,096 points or 1,024 images)
 * @param roundIterations iterations for chosen rounds, by their student's steps (null: every round has
 *                       {@code iterationsPerRound})
 */
public record DistillJob(Path teacher, Parameterization teacherParameterization, String family,
                         Map<String, String> net, Parameterization studentParameterization, String data, Integer from,
                         int to, long iterationsPerRound,
                         Integer batch, Double lr, Weighting weighting, double clip, long seed, Device device,
                         int threads, TeacherEngine teacherEngine, int evalCount, double checkpointSeconds, Path out,
                         String command, Long copyIterations, Double copyLr, boolean normalize,
                         Integer teacherSamples, Path teacherCard, RoundIterations roundIterations)
        implements JobSpec {

    public DistillJob {
        net = net == null ? Map.of() : Map.copyOf(net);
        device = device == null ? Device.CPU : device;
    }

    /** Without the optional settings after {@code copyLr}. */
    public DistillJob(Path teacher, Parameterization teacherParameterization, String family,
                      Map<String, String> net, Parameterization studentParameterization, String data, Integer from,
                      int to, long iterationsPerRound,
                      Integer batch, Double lr, Weighting weighting, double clip, long seed, Device device,
                      int threads, TeacherEngine teacherEngine, int evalCount, double checkpointSeconds, Path out,
                      String command, Long copyIterations, Double copyLr) {
        this(teacher, teacherParameterization, family, net, studentParameterization, data, from, to,
                iterationsPerRound, batch, lr, weighting, clip, seed, device, threads, teacherEngine, evalCount,
                checkpointSeconds, out, command, copyIterations, copyLr, false, null, null, null);
    }

    @Override
    public JobRunner runner() {
        return new DistillRunner(this);
    }
}
