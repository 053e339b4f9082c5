package org.pdviz.app.jobs;

import java.nio.file.Path;
import java.util.Map;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.param.Parameterization;
import org.pdviz.runtime.Device;

/**
 * Train a teacher: {@code pdviz train}. Null {@code parameterization}, {@code weighting},
 * {@code batch}, {@code lr}, {@code iterations} take the defaults ({@link Defaults}; per family).
 *
 * @param net  the family's hyperparameters (e.g. width=256), missing ones take the defaults
 * @param init      a checkpoint of ours to continue training from (its card gives the family, its
 *                  hyperparameters and parameterisation, and by default the data); null for a fresh network
 * @param data      a built-in data set's name or a data file's path
 * @param normalize map a point file into [-1, 1] (the map goes into the card)
 */
public record TrainJob(String data, String family, Map<String, String> net, Parameterization parameterization,
                       Weighting weighting, Long iterations, Integer batch, Double lr, double ema, double clip,
                       long seed, Device device, int threads, double checkpointSeconds, Path out, String command,
                       Path init, boolean normalize) implements JobSpec {

    public TrainJob {
        net = net == null ? Map.of() : Map.copyOf(net);
        device = device == null ? Device.CPU : device;
    }

    public TrainJob(String data, String family, Map<String, String> net, Parameterization parameterization,
                    Weighting weighting, Long iterations, Integer batch, Double lr, double ema, double clip,
                    long seed, Device device, int threads, double checkpointSeconds, Path out, String command,
                    Path init) {
        this(data, family, net, parameterization, weighting, iterations, batch, lr, ema, clip, seed, device, threads,
                checkpointSeconds, out, command, init, false);
    }

    @Override
    public JobRunner runner() {
        return new TeacherRunner(this);
    }
}
