package org.pdviz.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.pdviz.core.data.Dataset;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.train.djl.TrainingException;
import org.pdviz.train.djl.XLossStep;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.Weights;
import org.pdviz.train.onnx.FamilyOnnx;
import org.pdviz.train.state.TrainingState;

/**
 * Trains a teacher from data: continuous time {@code t ~ U(0, 1)}, the weighted x-space loss of
 * the chosen parameterisation, Adam with gradient clipping, an EMA of the weights; seeded. The
 * checkpoint holds the EMA weights.
 */
public final class TeacherTraining {

    public static final String KIND = "train";

    private TeacherTraining() {
    }

    /**
     * @param name    the model's name in its card
     * @param command the command line recorded in the card
     * @param initial weights to start from (a checkpoint reopened for training), or null for a fresh network
     * @param parent  the name of the checkpoint {@code initial} came from (recorded in the card), or null
     * @param data    the data file it learns from, for the card (null for a built-in data set)
     */
    public record Config(String dataset, Family family, Parameterization parameterization, Weighting weighting,
                         long iterations, int batch, double lr, double emaDecay, double clip, long seed,
                         CosineSchedule schedule, Path out, String name, String command, Weights initial,
                         String parent, ModelCard.DataOrigin data) {
        public Config {
            RunChecks.optimiser(Setting.ITERATIONS, iterations, batch, lr);
            if (family.outputFactor() != parameterization.outputFactor()) {
                throw new IllegalArgumentException("family output does not fit parameterization " + parameterization.id());
            }
        }

        /** Learning from a built-in data set. */
        public Config(String dataset, Family family, Parameterization parameterization, Weighting weighting,
                      long iterations, int batch, double lr, double emaDecay, double clip, long seed,
                      CosineSchedule schedule, Path out, String name, String command, Weights initial,
                      String parent) {
            this(dataset, family, parameterization, weighting, iterations, batch, lr, emaDecay, clip, seed, schedule,
                    out, name, command, initial, parent, null);
        }
    }

    /** The finished (or cancelled) run; {@code ema} is what the checkpoint holds, {@code last} the last iterate. */
    public record Result(Weights ema, Weights last, long iterations, double finalLoss, boolean cancelled,
                         double seconds) {
    }

    public static Result run(Config c, Dataset data, Device device, Checkpointer checkpointer, Monitor monitor)
            throws TrainingException, IOException {
        if (!data.shape().equals(c.family().dataShape())) {
            throw new IllegalArgumentException("data '" + data.name() + "' has samples of shape " + data.shape()
                    + " but the " + c.family().name() + " was built for " + c.family().dataShape());
        }
        Weights start = c.initial() != null ? c.initial().checkFits(c.family()) : Weights.initialize(c.family(), c.seed());
        try (Session s = new Session(c.family(), start, device,
                c.parameterization(), c.weighting(), c.clip(), c.emaDecay(), c.seed())) {
            long done = 0;
            TrainingState saved = checkpointer.load(KIND);
            if (saved != null) {
                s.restore(saved);
                done = saved.header().iteration();
                monitor.message("resuming at iteration " + done + " of " + c.iterations());
            }
            while (done < c.iterations()) {
                if (monitor.cancelled()) {
                    checkpointer.save(s.snapshot(KIND, 0, done, Map.of()));
                    monitor.saved(0, done);
                    return new Result(s.savedWeights(), s.network.weights(), done, s.losses.mean(), true, s.seconds());
                }
                NoisyBatch b = NoisyBatch.continuous(s.rng, data, c.batch(), c.schedule());
                double loss = s.step.step(new XLossStep.Batch(b.z(), b.t(), b.x(), b.levels()),
                        c.lr()).loss();
                s.losses.add(loss);
                done++;
                monitor.iteration(0, 1, done, c.iterations(), loss);
                if (done < c.iterations() && checkpointer.due(done)) {
                    checkpointer.save(s.snapshot(KIND, 0, done, Map.of()));
                    monitor.saved(0, done);
                }
            }
            // saved before the file is written: if that write fails (a full disk), a resume only writes it
            checkpointer.save(s.snapshot(KIND, 0, done, Map.of()));
            Weights ema = s.savedWeights();
            double finalLoss = s.losses.mean();
            FamilyOnnx.write(c.family(), ema, Cards.teacher(c.name(), c.dataset(), c.family(), c.parameterization(),
                    c.schedule(), c.iterations(), c.seed(), finalLoss, c.command(), c.parent(), c.data()), c.out());
            monitor.roundFinished(new RoundResult(0, 1, null, c.out(), c.iterations(), finalLoss, s.seconds()));
            return new Result(ema, s.network.weights(), done, finalLoss, false, s.seconds());
        }
    }
}
