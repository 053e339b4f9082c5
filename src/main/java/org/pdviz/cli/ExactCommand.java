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

@Command(name = "exact")
final class ExactCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME")
    String preset;

    @Option(names = {"--points", "--data"}, paramLabel = "FILE")
    String points;

    @Option(names = "--std", paramLabel = "S")
    Double std;

    @Option(names = "--normalize")
    boolean normalize;

    @Option(names = "--max-points", paramLabel = "M", defaultValue = "0")
    int maxPoints;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0")
    long seed;

    @Option(names = "--list")
    boolean list;

    @Option(names = "--out", paramLabel = "FILE")
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
