package org.pdviz.app.jobs;

import java.util.ArrayList;
import java.util.List;

/**
 * A job's events kept for a live view: the latest progress, the loss averaged over buckets of
 * iterations (at most about {@code pointsPerStage} points a stage, whatever its length), the finished
 * stages and the messages. The job's thread adds (hundreds of events a second); a view takes what is
 * new a few times a second with {@link #drain}, so its redraws do not follow the training speed.
 */
public final class ProgressLog implements JobListener {

    /** The mean loss over the iterations of one bucket, ending at {@code iteration} (1-based) of stage {@code stage}. */
    public record LossPoint(int stage, long iteration, double loss) {
    }

    /** What arrived since the last drain; {@code latest} is the newest progress (null before the first). */
    public record Update(Progress latest, List<LossPoint> losses, List<RoundSummary> finished, List<String> messages) {
        public boolean isEmpty() {
            return losses.isEmpty() && finished.isEmpty() && messages.isEmpty();
        }
    }

    private final int pointsPerStage;
    private final List<LossPoint> losses = new ArrayList<>();
    private final List<RoundSummary> finished = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private Progress latest;
    private int bucketStage = -1;
    private double sum;
    private int n;

    public ProgressLog(int pointsPerStage) {
        if (pointsPerStage < 1) {
            throw new IllegalArgumentException("pointsPerStage must be at least 1, got " + pointsPerStage);
        }
        this.pointsPerStage = pointsPerStage;
    }

    /** Iterations averaged into one point for a stage of {@code iterations}. */
    public long bucket(long iterations) {
        return Math.max(1, (iterations + pointsPerStage - 1) / pointsPerStage);
    }

    @Override
    public synchronized void progress(Progress p) {
        latest = p;
        if (p.round() != bucketStage) {
            bucketStage = p.round();
            sum = 0;
            n = 0;
        }
        if (Double.isFinite(p.loss())) {
            sum += p.loss();
            n++;
        }
        if ((p.iteration() % bucket(p.iterations()) == 0 || p.iteration() == p.iterations()) && n > 0) {
            losses.add(new LossPoint(p.round(), p.iteration(), sum / n));
            sum = 0;
            n = 0;
        }
    }

    @Override
    public synchronized void message(String line) {
        messages.add(line);
    }

    @Override
    public synchronized void roundFinished(RoundSummary round) {
        finished.add(round);
    }

    /** What is new since the last call. */
    public synchronized Update drain() {
        Update u = new Update(latest, List.copyOf(losses), List.copyOf(finished), List.copyOf(messages));
        losses.clear();
        finished.clear();
        messages.clear();
        return u;
    }
}
