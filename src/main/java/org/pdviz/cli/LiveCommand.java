package org.pdviz.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pdviz.app.jobs.Progress;
import org.pdviz.app.live.LiveListener;
import org.pdviz.app.live.LiveService;
import org.pdviz.app.live.LiveSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "live")
final class LiveCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE|PRESET")
    String data;

    @Option(names = "--to", defaultValue = "4", paramLabel = "M")
    int to;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S")
    long seed;

    @Option(names = "--normalize", negatable = true, defaultValue = "true", fallbackValue = "true")
    boolean normalize;

    @Option(names = "--set", paramLabel = "KEY=VALUE")
    Map<String, String> set;

    @Mixin
    OutFolderOption outFolder = new OutFolderOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        LiveSettings settings = LiveSettings.classroom();
        if (set != null) {
            for (var e : set.entrySet()) {
                settings = settings.with(e.getKey(), e.getValue());
            }
        }
        AtomicBoolean cancel = new AtomicBoolean();
        Thread hook = new Thread(() -> cancel.set(true), "pdviz-live-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        Console console = new Console(err);
        LiveService.Result r;
        try {
            r = new LiveService().run(new LiveService.Request(data, null, normalize, to, seed, outFolder.out, settings,
                    JobConsole.commandLine("live", spec)), console, cancel::get);
        } finally {
            console.finishBar();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
        for (LiveService.Timing t : r.timings()) {
            o.printf(Locale.ROOT, "%-9s %6.1f s%n", t.stage(), t.seconds());
        }
        double sinceStart = ProcessHandle.current().info().startInstant()
                .map(s -> Duration.between(s, Instant.now()).toMillis() / 1000.0).orElse(Double.NaN);
        o.printf(Locale.ROOT, "%-9s %6.1f s (%.1f s since the program started)%n", "total", r.seconds(), sinceStart);
        if (r.cancelled()) {
            o.println("cancelled; finished rounds kept in " + outFolder.out);
            return 130;
        }
        var c = r.comparison();
        if (c != null) {
            o.printf(Locale.ROOT, "same noise (%d samples, seed %d), RMSE to the teacher's %d-step samples: student-%d"
                            + " %.4f, the teacher's own %d-step DDIM %.4f (ratio %.2f, %.1fx closer)%n", c.count(),
                    c.seed(), c.referenceSteps(), c.steps(), c.student(), c.steps(), c.teacherDdim(),
                    c.student() / c.teacherDdim(), c.improvement());
        }
        o.println("wrote " + r.teacher() + ", " + r.student() + " and "
                + outFolder.out.resolve(LiveService.SUMMARY_FILE));
        return 0;
    }

    /** Stage lines and a progress bar per distillation stage, on stderr. */
    private static final class Console implements LiveListener {
        private final PrintWriter err;
        private ProgressBar bar;
        private int barStage = -1;

        Console(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void stageFinished(String stage, double seconds) {
            finishBar();
            err.printf(Locale.ROOT, "%s: %.1f s%n", stage, seconds);
            err.flush();
        }

        @Override
        public synchronized void progress(Progress p) {
            if (bar == null || barStage != p.round()) {
                finishBar();
                bar = new ProgressBar(err, String.format("stage %d/%d (%s)", p.round() + 1, p.rounds(), p.label()));
                barStage = p.round();
            }
            bar.update(p.iteration(), p.iterations(), String.format(Locale.ROOT, "loss %.4g", p.loss()));
        }

        @Override
        public synchronized void roundFinished(LiveService.Round r) {
            finishBar();
            err.printf(Locale.ROOT, "stage %d/%d: %s in %.1f s (final loss %.4g)%n", r.stage() + 1, r.stages(),
                    r.file().getFileName(), r.seconds(), r.finalLoss());
            err.flush();
        }

        @Override
        public synchronized void message(String line) {
            finishBar();
            err.println(line);
            err.flush();
        }

        synchronized void finishBar() {
            if (bar != null) {
                bar.finish();
                bar = null;
            }
        }
    }
}
