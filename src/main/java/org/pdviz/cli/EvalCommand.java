package org.pdviz.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pdviz.app.eval.EvalMonitor;
import org.pdviz.app.eval.EvalReport;
import org.pdviz.app.eval.EvalService;
import org.pdviz.core.metrics.Estimate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval")
final class EvalCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--teacher", required = true, paramLabel = "FILE")
    Path teacher;

    @Option(names = "--students", paramLabel = "DIR")
    Path students;

    @Option(names = "--steps", split = ",", paramLabel = "N,N,...", defaultValue = "1,2,4,8,16,32,64,128,256,512")
    int[] steps;

    @Option(names = "--samples", defaultValue = "1000", paramLabel = "M")
    int samples;

    @Mixin
    NoiseSeedOption noiseSeed = new NoiseSeedOption();

    @Mixin
    OutFolderOption outFolder = new OutFolderOption();

    @Option(names = "--features", defaultValue = "auto", paramLabel = "auto|random-relu|FILE")
    String features;

    @Option(names = "--clip", defaultValue = "auto", paramLabel = "auto|on|off")
    String clip;

    @Option(names = "--bootstrap", defaultValue = "200", paramLabel = "B")
    int bootstrap;

    @Option(names = "--exact", defaultValue = "auto", paramLabel = "auto|none|FILE")
    String exact;

    @Option(names = "--data", paramLabel = "FILE")
    Path data;

    @Mixin
    ModelOptions teacherOptions = new ModelOptions();

    @Mixin
    SamplerOptions sampler = new SamplerOptions();

    @Override
    public Integer call() throws Exception {
        EvalService.Clip clipMode = OptionValues.oneOf("--clip", clip, EvalService.Clip.values());
        var err = spec.commandLine().getErr();
        var o = spec.commandLine().getOut();
        ProgressBar[] bar = {null};
        EvalMonitor monitor = new EvalMonitor() {
            @Override
            public void runStarted(String label, int index, int total) {
                if (bar[0] != null) {
                    bar[0].finish();
                }
                bar[0] = new ProgressBar(err, "[" + index + "/" + total + "] " + label);
            }

            @Override
            public void stepDone(int done, int total) {
                bar[0].update(done, total, null);
            }

            @Override
            public void note(String line) {
                err.println("note: " + line);
                err.flush();
            }
        };
        String command = "pdviz eval --teacher " + teacher + (students == null ? "" : " --students " + students)
                + " --steps " + String.join(",", Arrays.stream(steps).mapToObj(Integer::toString).toList())
                + " --samples " + samples + " --seed " + noiseSeed.seed + " --features " + features + " --clip " + clip
                + " --bootstrap " + bootstrap + " --exact " + exact + (data == null ? "" : " --data " + data)
                + " --out " + outFolder.out;
        EvalService.Result result = new EvalService(Home.get()).run(new EvalService.Request(teacher, students,
                Arrays.stream(steps).boxed().toList(), samples, noiseSeed.seed, outFolder.out, features, clipMode,
                bootstrap, exact, teacherOptions.device(), command, data, teacherOptions.overrides(), sampler.grid(),
                sampler.clipStyle()), monitor);
        if (bar[0] != null) {
            bar[0].finish();
        }
        print(o, result.report());
        o.printf("wrote %s and %s%n", result.json(), result.png());
        return 0;
    }

    static void print(java.io.PrintWriter o, EvalReport r) {
        List<String> metrics = r.metrics().keySet().stream().toList();
        o.printf("%-34s %6s %10s", "model", "steps", "ms/sample");
        for (String m : metrics) {
            o.printf("  %-26s", m + " [95% CI]");
        }
        o.println();
        for (EvalReport.Run run : r.teacherRuns()) {
            row(o, run.model() + " (DDIM)", run, metrics);
        }
        for (EvalReport.Run run : r.students()) {
            row(o, run.model() + " (student)", run, metrics);
        }
        if (r.exact() != null) {
            row(o, r.exact().model() + " (exact)", r.exact(), metrics);
        }
        if (r.floor() != null) {
            o.printf("%-34s %6s %10s", "real vs real", "", "");
            for (String m : metrics) {
                Estimate e = r.floor().get(m);
                o.printf("  %-26s", e == null ? "" : estimate(e));
            }
            o.println();
        }
        if (r.features() != null) {
            EvalReport.Features f = r.features();
            o.printf("features: %s (%s, %d values%s)%n", f.id(), f.kind(), f.dim(), f.heldOutAccuracy() == null ? ""
                    : String.format(Locale.ROOT, ", held-out MNIST accuracy %.2f%%", 100 * f.heldOutAccuracy()));
        }
        o.println("reference: " + r.reference().description());
    }

    private static void row(java.io.PrintWriter o, String name, EvalReport.Run run, List<String> metrics) {
        if (!run.ok()) {
            o.printf("%-34s %6d %10s  failed: %s%n", name.length() > 34 ? name.substring(0, 34) : name, run.steps(),
                    "", run.failed());
            return;
        }
        o.printf("%-34s %6d %10.3f", name.length() > 34 ? name.substring(0, 34) : name, run.steps(),
                run.millisPerSample());
        Map<String, Estimate> m = run.metrics();
        for (String k : metrics) {
            o.printf("  %-26s", m.containsKey(k) ? estimate(m.get(k)) : "");
        }
        o.println();
    }

    private static String estimate(Estimate e) {
        return String.format(Locale.ROOT, "%.4g [%.3g, %.3g]", e.value(), e.lo(), e.hi());
    }
}
