package org.pdviz.train;

import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.train.djl.XLossStep;

/**
 * A stage's batches (data, t, noise and the teacher's targets), drawn in order from a generator of
 * their own that starts at the run generator's state. With {@code overlap}, batch k+1 is drawn on a
 * second thread while the caller trains on batch k, so the teacher's two forwards run beside the
 * student's step. The order of draws and the teacher are the same either way, so the batches are
 * the same, bit for bit (TargetPrefetchTest); {@link Drawn#rngAfter} is the generator's state after
 * a batch, which the run's generator takes as it uses the batch, so a checkpoint never counts the
 * batch drawn ahead and a resumed run draws it again.
 */
public final class TargetPrefetch implements AutoCloseable {

    /** Draws one batch from {@code rng} (the teacher's targets included). */
    @FunctionalInterface
    public interface Source {
        XLossStep.Batch draw(Random rng) throws DenoiserException;
    }

    /** A batch and the generator's state just after it was drawn. */
    public record Drawn(XLossStep.Batch batch, long rngAfter) {
    }

    private final Source source;
    private final SeededRandom rng;
    private final ExecutorService thread;
    private long left;
    private Future<Drawn> ahead;

    /**
     * @param rngState the run generator's state before the first batch
     * @param count    how many batches the stage takes (none is drawn beyond them)
     * @param overlap  draw the next batch on a second thread while the caller trains
     */
    public TargetPrefetch(Source source, long rngState, long count, boolean overlap) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        this.source = source;
        this.rng = new SeededRandom(rngState);
        this.left = count;
        this.thread = overlap ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pdviz-teacher-targets");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** The next batch; with overlap, the one after it starts at once. */
    public Drawn next() throws DenoiserException {
        if (thread == null) {
            if (left <= 0) {
                throw new IllegalStateException("the stage's batches are all drawn");
            }
            left--;
            return draw();
        }
        if (ahead == null) {
            startNext();
        }
        if (ahead == null) {
            throw new IllegalStateException("the stage's batches are all drawn");
        }
        Drawn d = await(ahead);
        ahead = null;
        startNext();
        return d;
    }

    private void startNext() {
        if (left > 0) {
            left--;
            ahead = thread.submit(this::draw);
        }
    }

    private Drawn draw() throws DenoiserException {
        XLossStep.Batch b = source.draw(rng);
        return new Drawn(b, rng.state());
    }

    private static Drawn await(Future<Drawn> f) throws DenoiserException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DenoiserException("interrupted while waiting for the teacher's targets", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DenoiserException d) {
                throw d;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new DenoiserException("the teacher's targets failed: " + cause, cause);
        }
    }

    /** Waits for a batch still being drawn (the teacher must not be closed under it), then stops the thread. */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        thread.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
