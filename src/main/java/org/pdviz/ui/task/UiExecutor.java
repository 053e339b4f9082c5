package org.pdviz.ui.task;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.pdviz.app.i18n.Language;
import org.pdviz.app.i18n.LocalizedException;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.i18n.Texts;

/**
 * The one place where the UI runs background work: a pool of daemon threads owned by the window's
 * context (one per window; closing it stops its work). Pages and views run {@link BackgroundTask}s
 * here, one-shot with {@link #execute} or "latest wins" in a {@link TaskSlot}; services of the
 * {@code app} layer that need threads get {@link #background()} as a plain {@link Executor}.
 *
 * <p>Outcomes and progress reach the UI thread through the executor given at construction
 * ({@code Platform::runLater} in the application); tasks speak the language of the texts given
 * (the window's).
 */
public final class UiExecutor implements AutoCloseable {

    private final ExecutorService pool;
    private final Executor uiThread;
    private final Supplier<Texts> texts;

    /** Delivers to the JavaFX application thread, in English. */
    public UiExecutor() {
        this(Platform::runLater, () -> Texts.of(Language.EN));
    }

    /** Delivers through {@code uiThread}; tasks speak the language {@code texts} gives when they start. */
    public UiExecutor(Executor uiThread, Supplier<Texts> texts) {
        this.uiThread = uiThread;
        this.texts = texts;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "pdviz-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs a task now (on its own pool thread); its outcome is always delivered. */
    public <V> BackgroundTask<V> execute(BackgroundTask<V> task) {
        task.prepare(uiThread, texts.get(), () -> true);
        try {
            pool.execute(() -> run(task));
        } catch (RejectedExecutionException e) {
            task.finish(null, new LocalizedException(Message.of("task.closing"), e));
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

    /** The texts of the window's language now. */
    public Texts texts() {
        return texts.get();
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
