package org.pdviz.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pdviz.app.live.PointsTeacher;
import org.pdviz.runtime.exact.ExactTeachers;
import org.pdviz.train.data.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "exact", description = {"Write an exact teacher: the closed-form denoiser of a Gaussian mixture,"
        + " computed inside an ONNX graph.",
    "--preset NAME: one of the shipped mixtures. --points FILE: every point of a data file a Gaussian component"
            + " of std S (default: the bandwidth rule, median distance to the 3rd-nearest point / (2 sqrt(D)))."})
final class ExactCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME", description = "One of the presets (see --list).")
    String preset;

    @Option(names = {"--points", "--data"}, paramLabel = "FILE",
            description = "A data file (points: .csv, .tsv, .txt, .npy; or images): one component per sample.")
    String points;

    @Option(names = "--std", paramLabel = "S", description = "Std of every component (default: the bandwidth rule).")
    Double std;

    @Option(names = "--normalize", description = "Map the points into [-1, 1] first (recorded in the card).")
    boolean normalize;

    @Option(names = "--max-points", paramLabel = "M", defaultValue = "0",
            description = "At most M components, a seeded subset of the points (default 0: all of them).")
    int maxPoints;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of that subset (default 0).")
    long seed;

    @Option(names = "--list", description = "List the presets.")
    boolean list;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the .onnx file.")
    Path out;

    @Override
    public Integer call() throws Exception {
        var o = spec.commandLine().getOut();
        if (list || (preset == null && points == null)) {
            for (ExactTeachers.Preset p : ExactTeachers.presets()) {
                o.printf("%-18s %s%n", p.id(), p.description());
            }
            if (!list) {
                spec.commandLine().getErr().println(spec.qualifiedName() + ": give --preset NAME or --points FILE (and"
                        + " --out FILE); the presets are listed above");
            }
            return list ? 0 : Errors.FAILED;
        }
        if (preset != null && points != null) {
            throw new IllegalArgumentException("give --preset NAME or --points FILE, not both");
        }
        if (out == null) {
            throw new IllegalArgumentException("--out FILE is required");
        }
        String command = JobConsole.commandLine("exact", spec);
        if (preset != null) {
            var card = ExactTeachers.write(preset, Home.get().mnist(), out, command);
            o.println("wrote " + out + " (" + card.name() + ", data shape " + java.util.Arrays.toString(card.dataShape())
                    + ")");
            return 0;
        }
        TrainingData.Source data = TrainingData.resolve(points, normalize, Home.get().mnist());
        String stem = out.getFileName().toString().replaceFirst("\\.onnx$", "");
        PointsTeacher.Result r = PointsTeacher.write(new PointsTeacher.Request(data, std, maxPoints, seed, stem, out,
                command));
        double ms = PointsTeacher.millisPerEvaluation(out, 512);
        o.printf(Locale.ROOT, "wrote %s: exact teacher of %,d samples of %s, shape %s, std %.4g (%s); %.2f ms per"
                        + " evaluation at batch 512%n", out, r.mixture().components(), data.name(),
                r.mixture().shape(), r.std(), r.stdFromRule() ? "bandwidth rule" : "given", ms);
        return 0;
    }
}
