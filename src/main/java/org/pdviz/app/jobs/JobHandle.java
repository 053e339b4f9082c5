package org.pdviz.app.jobs;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A job running on its own (non-daemon) thread: cancel it (it saves its state and stops after the
 * current iteration), or wait for its result. An application closing while a job runs should cancel
 * it and wait a moment, so that the state is saved. One training job at a time per process (DJL
 * allows one gradient recording at a time).
 */
public final class JobHandle {

    private final AtomicBoolean cancel;
    private final FutureTask<JobResult> task;

    JobHandle(AtomicBoolean cancel, FutureTask<JobResult> task) {
        this.cancel = cancel;
        this.task = task;
    }

    /** Asks the job to stop after its current iteration; finished rounds and the saved state are kept. */
    public void cancel() {
        cancel.set(true);
    }

    public boolean isCancelRequested() {
        return cancel.get();
    }

    public boolean isDone() {
        return task.isDone();
    }

    /** The result; a failure comes as the job's own exception. */
    public JobResult await() throws Exception {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /** Waits at most {@code millis}; false when the job is still running. */
    public boolean awaitQuietly(long millis) {
        try {
            task.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }
}
