package org.pdviz.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.param.Parameterization;
import org.pdviz.runtime.Device;
import org.pdviz.train.djl.Network;
import org.pdviz.train.djl.XLossStep;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.Weights;
import org.pdviz.train.state.TrainingState;

/**
 * The moving parts of a run that a saved state must capture: the network being trained, its
 * optimisation step (Adam, EMA), the random generator, recent losses and the time spent so far.
 */
final class Session implements AutoCloseable {

    final Network network;
    final XLossStep step;
    final SeededRandom rng;
    final RecentLosses losses = new RecentLosses();
    private double secondsBefore;
    private final long started = System.nanoTime();

    Session(Family family, Weights weights, Device device, Parameterization p, Weighting w, double clip,
            double emaDecay, long seed) {
        org.pdviz.train.djl.Torch.noGradients();
        this.network = new Network(family, weights, device, true);
        this.step = new XLossStep(network, p, w, clip, emaDecay);
        this.rng = new SeededRandom(seed);
    }

    /** What a checkpoint holds: the EMA when there is one, else the weights themselves. */
    Weights savedWeights() {
        return step.ema() != null ? step.ema().weights() : network.weights();
    }

    double seconds() {
        return secondsBefore + (System.nanoTime() - started) / 1e9;
    }

    TrainingState snapshot(String kind, int round, long done, Map<String, String> info) {
        Map<String, Map<String, float[]>> groups = new LinkedHashMap<>();
        groups.put(TrainingState.WEIGHTS, network.weights().asMap());
        if (step.ema() != null) {
            groups.put(TrainingState.EMA, step.ema().weights().asMap());
        }
        groups.put(TrainingState.ADAM_M, step.adam().firstMoments());
        groups.put(TrainingState.ADAM_V, step.adam().secondMoments());
        return new TrainingState(new TrainingState.Header(kind, round, done, rng.state(), step.adam().step(),
                losses.toArray(), seconds(), info), groups);
    }

    void restore(TrainingState s) {
        network.load(new Weights(s.group(TrainingState.WEIGHTS)));
        if (step.ema() != null) {
            step.ema().restore(new Weights(s.group(TrainingState.EMA)));
        }
        step.adam().restore(s.header().adamStep(), s.group(TrainingState.ADAM_M), s.group(TrainingState.ADAM_V));
        rng.restore(s.header().rngState());
        losses.restore(s.header().recentLosses());
        secondsBefore = s.header().seconds();
    }

    @Override
    public void close() {
        step.close();
        network.close();
    }
}
