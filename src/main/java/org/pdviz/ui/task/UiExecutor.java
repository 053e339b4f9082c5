package org.pdviz.ui.task;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * The one place where the UI runs background work: a pool of daemon threads owned by the window's
 * context (one per window; closing it stops its work). Pages and views run {@link BackgroundTask}s
 * here, one-shot with {@link #execute} or "latest wins" in a {@link TaskSlot}; services of the
 * {@code app} layer that need threads get {@link #background()} as a plain {@link Executor}.
 *
 * <p>Outcomes and progress reach the UI thread through the executor given at construction
 * ({@code Platform::runLater} in the application).
 */
public final class UiExecutor implements AutoCloseable {

    private final ExecutorService pool;
    private final Executor uiThread;

    /** Delivers to the JavaFX application thread. */
    public UiExecutor() {
        this(Platform::runLater);
    }

    public UiExecutor(Executor uiThread) {
        this.uiThread = uiThread;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "pdviz-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs a task now (on its own pool thread); its outcome is always delivered. */
    public <V> BackgroundTask<V> execute(BackgroundTask<V> task) {
        task.prepare(uiThread, () -> true);
        try {
            pool.execute(() -> run(task));
        } catch (RejectedExecutionException e) {
            task.finish(null, new IllegalStateException("the window is closing", e));
        }
        return task;
    }

    /** A slot for tasks of which only the latest counts. */
    public <V> TaskSlot<V> slot() {
        return new TaskSlot<>(this);
    }

    /** The pool itself, for services that take an {@link Executor}. */
    public Executor background() {
        return pool;
    }

    Executor uiThread() {
        return uiThread;
    }

    static <V> void run(BackgroundTask<V> task) {
        V value;
        try {
            value = task.compute();
        } catch (Throwable e) {
            task.finish(null, e);
            return;
        }
        task.finish(value, null);
    }

    /** Stops the running work (interrupting it) and refuses new work. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    public boolean isClosed() {
        return pool.isShutdown();
    }
}
