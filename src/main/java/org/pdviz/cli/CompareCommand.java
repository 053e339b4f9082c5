package org.pdviz.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pdviz.app.compare.BatchDifferences;
import org.pdviz.app.compare.Cost;
import org.pdviz.app.eval.ReportQuality;
import org.pdviz.app.library.ModelChoice;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelImport;
import org.pdviz.app.library.ModelLibrary;
import org.pdviz.app.sampling.RunService;
import org.pdviz.app.sampling.RunSpec;
import org.pdviz.app.sampling.SampledRun;
import org.pdviz.app.sampling.Timing;
import org.pdviz.core.model.DataShape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compare")
final class CompareCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE")
    Path model;

    @Option(names = "--models", paramLabel = "DIR")
    Path models;

    @Option(names = "--count", paramLabel = "B")
    Integer count;

    @Mixin
    CardOptions card = new CardOptions();

    @Mixin
    SamplingOptions sampling = new SamplingOptions();

    @Override
    public Integer call() throws Exception {
        ModelLibrary lib = ModelLibrary.scan(models != null ? models : Home.get().models());
        ModelEntry focus = model == null ? null : ModelImport.complete(model, card.overrides());
        if (focus != null) {
            lib.add(focus);
        }
        List<ModelEntry> usable = lib.entries().stream().filter(e -> e.card() != null).toList();
        List<ModelChoice.Pane> panes = ModelChoice.comparison(usable, focus);
        if (panes.isEmpty()) {
            throw new IllegalArgumentException("the library has no model with a card to compare");
        }
        DataShape shape = panes.get(0).model().card().shapeValue();
        int b = count != null ? count : ModelChoice.batch(shape);
        List<RunSpec> specs = new ArrayList<>();
        for (ModelChoice.Pane p : panes) {
            specs.add(new RunSpec(p.model(), p.steps(), sampling.seed(), b, sampling.clip, sampling.grid(),
                    sampling.clipStyle(), sampling.start));
        }
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "sampling");
        List<SampledRun> runs = new RunService().runAll(specs, Timing.STEADY,
                (done, total, current) -> bar.update(done, total, null), () -> false,
                spec.commandLine().getErr()::println);
        bar.finish();
        var o = spec.commandLine().getOut();
        int b2 = runs.get(0).trajectory().count();
        o.printf("same noise: %s, %d samples per sampler; time: steady state (sessions warmed; steps x fastest"
                + " step over up to %d runs)%n", sampling.noise(), b2, Timing.STEADY.maxRuns());
        o.printf("%-32s %6s %12s %7s %10s %7s %5s %16s  %s%n", "sampler", "steps", "evaluations", "fewer", "time",
                "faster", "runs", "same-noise RMSE", "quality (report.json)");
        SampledRun reference = runs.get(0);
        float[] ref = reference.trajectory().finalSample();
        for (int i = 0; i < runs.size(); i++) {
            SampledRun r = runs.get(i);
            String name = r.card().name() + (i == 0 ? " (reference)" : r.spec().model().isStudent() ? " (student)" : "");
            Cost cost = Cost.of(r), refCost = Cost.of(reference);
            String quality = ReportQuality.find(r.spec().model().file(), r.card().name(), r.steps())
                    .map(ReportQuality::describe).orElse("-");
            o.printf("%-32s %6d %12d %7s %10s %7s %5d %16.4f  %s%n", name, r.steps(), cost.evaluations(),
                    Cost.times(cost.fewerEvaluations(refCost)), r.wall().text(), Cost.times(cost.faster(refCost)),
                    r.wall().runs(), BatchDifferences.rmse(r.trajectory().finalSample(), ref, r.trajectory().count()), quality);
        }
        return 0;
    }
}
