package org.pdviz.app.work;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The one guard against stale results: requests run one at a time on a shared executor, and the
 * newest request wins. A request still waiting when a newer one arrives never runs (its future is
 * cancelled); one already running finishes, but {@link #isLatest} then says it was superseded, so
 * its caller drops the result. So work never falls behind the user by more than one request, and
 * an old answer never overwrites a newer question.
 *
 * <p>Plain Java (no UI types): the UI's task slots and any service that answers a moving control
 * use it alike.
 */
public final class LatestLane {

    /** A submitted request: its place in the order of requests, and its result. */
    public record Request<V>(long generation, CompletableFuture<V> result) {
    }

    private final Executor executor;
    private long generation;
    private Runnable pending;
    private CompletableFuture<?> pendingResult;
    private boolean draining;

    /** Runs requests on {@code executor} (a shared pool: the lane itself keeps them one at a time). */
    public LatestLane(Executor executor) {
        this.executor = executor;
    }

    /** Queues {@code work} as the newest request, dropping a request that has not started yet. */
    public <V> Request<V> submit(Callable<V> work) {
        CompletableFuture<V> result = new CompletableFuture<>();
        Request<V> request;
        boolean start;
        synchronized (this) {
            request = new Request<>(++generation, result);
            if (pendingResult != null) {
                pendingResult.cancel(false);
            }
            pending = () -> complete(work, result);
            pendingResult = result;
            start = !draining;
            draining = true;
        }
        if (start) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                synchronized (this) {
                    draining = false;
                    pending = null;
                    pendingResult = null;
                }
                result.completeExceptionally(new IllegalStateException("the application is closing", e));
            }
        }
        return request;
    }

    /** True while no request newer than {@code r} was submitted (and the lane was not cleared). */
    public synchronized boolean isLatest(Request<?> r) {
        return r.generation() == generation;
    }

    /** Drops the waiting request and makes every earlier request stale. */
    public synchronized void clear() {
        generation++;
        if (pendingResult != null) {
            pendingResult.cancel(false);
        }
        pending = null;
        pendingResult = null;
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = pending;
                pending = null;
                pendingResult = null;
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            next.run();
        }
    }

    private static <V> void complete(Callable<V> work, CompletableFuture<V> result) {
        if (result.isDone()) {
            return;
        }
        try {
            result.complete(work.call());
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
    }
}
