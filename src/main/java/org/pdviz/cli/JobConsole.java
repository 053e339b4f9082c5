package org.pdviz.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pdviz.app.jobs.ClassifierJob;
import org.pdviz.app.jobs.JobHandle;
import org.pdviz.app.jobs.JobListener;
import org.pdviz.app.jobs.JobResult;
import org.pdviz.app.jobs.JobSpec;
import org.pdviz.app.jobs.Jobs;
import org.pdviz.app.jobs.Progress;
import org.pdviz.app.jobs.RoundSummary;
import org.pdviz.app.jobs.TrainJob;

/**
 * Runs a job in the terminal: a progress bar per round, messages as lines, Ctrl-C cancels (the
 * job saves its state and keeps its finished rounds), a summary at the end.
 */
final class JobConsole {

    private final PrintWriter out;
    private final PrintWriter err;

    JobConsole(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    JobResult run(JobSpec spec, Jobs.Start start) throws Exception {
        Listener listener = new Listener();
        JobHandle handle = switch (start) {
            case RESUME -> Jobs.resume(spec.folder(), listener);
            case RESTART -> Jobs.restart(spec.folder(), listener);
            case FRESH -> Jobs.start(spec, listener);
        };
        AtomicBoolean reported = new AtomicBoolean();
        // set before the hook cancels: a result cancelled by it is the hook's to report, in its words
        AtomicBoolean stopping = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            if (!handle.isDone()) {
                stopping.set(true);
                handle.cancel();
                handle.awaitQuietly(120_000);
                if (reported.compareAndSet(false, true)) {
                    listener.finishBar();
                    err.println("interrupted: the state is saved; continue with " + resumeCommand(spec));
                    err.flush();
                }
            }
        }, "pdviz-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            JobResult r = handle.await();
            listener.finishBar();
            if (!(r.cancelled() && stopping.get()) && reported.compareAndSet(false, true)) {
                summary(r);
            }
            return r;
        } finally {
            listener.finishBar();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook reports
            }
        }
    }

    static String resumeCommand(JobSpec spec) {
        String command = spec instanceof TrainJob ? "train" : spec instanceof ClassifierJob ? "train-classifier"
                : "distill";
        return "pdviz " + command + " --resume --out " + spec.out();
    }

    private void summary(JobResult r) {
        JobSpec spec = r.spec();
        if (r.cancelled()) {
            out.println("cancelled after " + ProgressBar.duration(r.seconds()) + "; the state is saved"
                    + (r.rounds().isEmpty() ? "" : ", finished rounds kept: " + r.rounds().stream()
                    .map(s -> s.file().getFileName().toString()).toList()));
            out.println("continue with: " + resumeCommand(spec));
            return;
        }
        if (spec instanceof TrainJob t) {
            RoundSummary s = r.rounds().isEmpty() ? null : r.rounds().get(0);
            out.printf("trained %s on %s: %d iterations in %s (%.0f it/s) on %s, final loss %.5g%n", r.network(),
                    t.data(), r.iterations(), ProgressBar.duration(r.seconds()), r.iterations() / r.seconds(),
                    r.device(), s == null ? Double.NaN : s.finalLoss());
            out.println("wrote " + t.out());
            return;
        }
        if (spec instanceof ClassifierJob) {
            out.printf("trained %s: %d iterations in %s (%.1f it/s) on %s%n", r.network(), r.iterations(),
                    ProgressBar.duration(r.seconds()), r.iterations() / r.seconds(), r.device());
            out.println("wrote " + spec.out());
            return;
        }
        out.println("student: " + r.network() + ", on " + r.device() + ", " + ProgressBar.duration(r.seconds())
                + " in all");
        out.printf("%5s %6s %10s %12s %9s  %s%n", "stage", "steps", "iterations", "final loss", "time", "file");
        for (RoundSummary s : r.rounds()) {
            out.printf("%5d %6s %10d %12.5g %9s  %s%n", s.round() + 1, s.steps() == null ? "copy" : s.steps(),
                    s.iterations(), s.finalLoss(),
                    Double.isNaN(s.seconds()) ? "earlier" : ProgressBar.duration(s.seconds()), s.file());
        }
        if (r.evaluation() != null) {
            var e = r.evaluation();
            out.printf("same noise (%d samples, seed %d), RMSE to the teacher's %d-step samples: student-%d %.4f,"
                            + " teacher's own %d-step DDIM %.4f (%.1fx closer)%n", e.count(), e.seed(),
                    e.referenceSteps(), e.steps(), e.student(), e.steps(), e.teacherDdim(), e.improvement());
        }
        out.println("wrote " + spec.out().resolve("summary.json"));
    }

    private final class Listener implements JobListener {
        private ProgressBar bar;
        private int barRound = -1;
        private long barOffset;

        @Override
        public synchronized void progress(Progress p) {
            if (bar == null || barRound != p.round()) {
                finishBar();
                String label = p.rounds() == 1 ? p.label()
                        : String.format("stage %d/%d (%s)", p.round() + 1, p.rounds(), p.label());
                bar = new ProgressBar(err, label);
                barRound = p.round();
                // a resumed round starts part way: the bar's ETA counts only what this session runs
                barOffset = p.iteration() - 1;
            }
            String detail = String.format("loss %.4g%s%s", p.loss(), Double.isFinite(p.stepsPerSecond())
                            ? String.format("  %.0f it/s", p.stepsPerSecond()) : "",
                    p.rounds() > 1 && Double.isFinite(p.etaSeconds()) ? "  job ETA "
                            + ProgressBar.duration(p.etaSeconds()) : "");
            bar.update(p.iteration() - barOffset, p.iterations() - barOffset, detail);
        }

        @Override
        public synchronized void message(String line) {
            finishBar();
            err.println(line);
            err.flush();
        }

        @Override
        public synchronized void roundFinished(RoundSummary r) {
            finishBar();
            if (r.rounds() > 1) {
                err.printf("stage %d/%d: wrote %s (final loss %.4g)%n", r.round() + 1, r.rounds(), r.file(),
                        r.finalLoss());
                err.flush();
            }
        }

        synchronized void finishBar() {
            if (bar != null) {
                bar.finish();
                bar = null;
            }
        }
    }

    static String commandLine(String name, picocli.CommandLine.Model.CommandSpec spec) {
        StringBuilder sb = new StringBuilder("pdviz");
        java.util.List<String> args = spec.commandLine().getParseResult().originalArgs();
        if (args.isEmpty() || !args.get(0).equals(name)) {
            sb.append(' ').append(name); // the arguments may or may not start with the command's name
        }
        for (String a : args) {
            sb.append(' ').append(a.isEmpty() || a.matches(".*[\\s'\"].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return sb.toString();
    }

    /** What a training command builds when it starts a job afresh. */
    interface FreshJob {
        JobSpec build() throws Exception;
    }

    /**
     * A training command's run: with --resume or --restart the interrupted job of {@code kind} in
     * {@code folder} (the one for {@code out}), else the job {@code fresh} builds; exit status 130 when
     * cancelled.
     */
    static <T extends JobSpec> int runCommand(picocli.CommandLine.Model.CommandSpec spec, ResumeOptions resume,
                                              Path out, Path folder, Class<T> kind, FreshJob fresh) throws Exception {
        JobConsole console = new JobConsole(spec.commandLine().getOut(), spec.commandLine().getErr());
        Jobs.Start start = resume.start();
        JobSpec job = start == Jobs.Start.FRESH ? fresh.build() : ResumeOptions.interrupted(folder, kind, out, start);
        return console.run(job, start).cancelled() ? 130 : 0;
    }

    static Path requireOut(Path out) {
        if (out == null) {
            throw new IllegalArgumentException("--out is required");
        }
        return out;
    }
}
