package org.pdviz.app.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.pdviz.train.RoundResult;

/** Turns the trainer's monitor calls into the job's events (rate, ETA, rounds) and answers cancellation. */
final class ProgressRelay extends MeteredMonitor {
    private final JobListener listener;
    private final List<RoundSummary> rounds = new ArrayList<>();

    ProgressRelay(JobListener listener, BooleanSupplier cancelled) {
        super(listener::progress, listener::message, cancelled);
        this.listener = listener;
    }

    List<RoundSummary> rounds() {
        return rounds;
    }

    @Override
    protected void finished(RoundResult r) {
        RoundSummary s = new RoundSummary(r.round(), r.rounds(), r.steps(), r.file(), r.iterations(), r.finalLoss(),
                r.seconds());
        rounds.add(s);
        listener.roundFinished(s);
    }
}
