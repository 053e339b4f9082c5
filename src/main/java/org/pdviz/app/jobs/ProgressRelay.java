package org.pdviz.app.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.pdviz.train.Distillation;
import org.pdviz.train.Monitor;
import org.pdviz.train.RoundResult;

/** Turns the trainer's monitor calls into the job's events (rate, ETA) and answers cancellation. */
final class ProgressRelay implements Monitor {
    private final JobListener listener;
    private final BooleanSupplier cancelled;
    private final RateMeter meter = new RateMeter();
    private final List<RoundSummary> rounds = new ArrayList<>();
    private Distillation.Plan plan;
    private long total;

    ProgressRelay(JobListener listener, BooleanSupplier cancelled) {
        this.listener = listener;
        this.cancelled = cancelled;
    }

    void setStudentSteps(Distillation.Plan p) {
        this.plan = p;
    }

    List<RoundSummary> rounds() {
        return rounds;
    }

    long totalIterations() {
        return total;
    }

    @Override
    public void iteration(int round, int roundCount, long done, long iterations, double loss) {
        meter.step();
        total++;
        long remaining = plan == null ? iterations - done : plan.remaining(round, done, iterations);
        String label = plan == null ? "training" : plan.label(round);
        listener.progress(new Progress(round, roundCount, label, plan == null ? null : plan.studentSteps(round),
                done, iterations, loss, meter.rate(), meter.eta(remaining)));
    }

    @Override
    public void roundFinished(RoundResult r) {
        meter.pause();
        RoundSummary s = new RoundSummary(r.round(), r.rounds(), r.steps(), r.file(), r.iterations(), r.finalLoss(),
                r.seconds());
        rounds.add(s);
        listener.roundFinished(s);
    }

    @Override
    public void saved(int round, long done) {
        meter.pause();
    }

    @Override
    public void message(String line) {
        meter.pause();
        listener.message(line);
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }
}
