package org.pdviz.app.jobs;

import java.nio.file.Path;
import java.util.Map;

/**
 * Train a teacher: {@code pdviz train}. Null {@code batch}, {@code lr}, {@code iterations} take the
 * family's defaults ({@link Defaults}).
 *
 * @param net  the family's hyperparameters (e.g. width=256), missing ones take the defaults
 * @param init a checkpoint of ours to continue training from (its card gives the family, its
 *             hyperparameters and parameterisation, and by default the data); null for a fresh network
 */
public record TrainJob(String data, String family, Map<String, String> net, String parameterization,
                       String weighting, Long iterations, Integer batch, Double lr, double ema, double clip,
                       long seed, String device, int threads, double checkpointSeconds, Path out, String command,
                       Path init) implements JobSpec {

    public TrainJob {
        net = net == null ? Map.of() : Map.copyOf(net);
    }
}
