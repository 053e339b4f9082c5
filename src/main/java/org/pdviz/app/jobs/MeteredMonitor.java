package org.pdviz.app.jobs;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.pdviz.train.Distillation;
import org.pdviz.train.Monitor;
import org.pdviz.train.RoundResult;

/**
 * The trainer's monitor calls as progress events with rate and ETA, for jobs and live runs alike;
 * a subclass says what a finished round means to its listener. The meter pauses around rounds,
 * saves and messages, so that their time does not count as an iteration's.
 */
public abstract class MeteredMonitor implements Monitor {
    private final Consumer<Progress> progress;
    private final Consumer<String> messages;
    private final BooleanSupplier cancelled;
    private final RateMeter meter = new RateMeter();
    private Distillation.Plan plan;
    private long iterationsRun;

    protected MeteredMonitor(Consumer<Progress> progress, Consumer<String> messages, BooleanSupplier cancelled) {
        this.progress = progress;
        this.messages = messages;
        this.cancelled = cancelled;
    }

    /** The distillation's plan (labels, student steps, iterations left); without one it is training. */
    public void plan(Distillation.Plan p) {
        this.plan = p;
    }

    /** Iterations run by this monitor's job so far, all rounds together. */
    public long iterationsRun() {
        return iterationsRun;
    }

    /** What the round means to this monitor's listener (the meter is already paused). */
    protected abstract void finished(RoundResult r);

    @Override
    public final void iteration(int round, int roundCount, long done, long iterations, double loss) {
        meter.step();
        iterationsRun++;
        long remaining = plan == null ? iterations - done : plan.remaining(round, done, iterations);
        String label = plan == null ? "training" : plan.label(round);
        progress.accept(new Progress(round, roundCount, label, plan == null ? null : plan.studentSteps(round),
                done, iterations, loss, meter.rate(), meter.eta(remaining)));
    }

    @Override
    public final void roundFinished(RoundResult r) {
        meter.pause();
        finished(r);
    }

    @Override
    public final void saved(int round, long done) {
        meter.pause();
    }

    @Override
    public final void message(String line) {
        meter.pause();
        messages.accept(line);
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }
}
