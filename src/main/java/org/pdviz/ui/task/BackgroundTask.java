package org.pdviz.ui.task;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.i18n.Texts;
import org.pdviz.core.ddim.SamplingMonitor;

/**
 * Work for a background thread with a typed result (a record when there is more than one value),
 * and what to do with its outcome on the UI thread: {@link #onSuccess}, {@link #onFailure} (the
 * failure in the task's own words, see {@link TaskFailure}), {@link #onCancelled}. Run it with
 * {@link UiExecutor#execute} or in a {@link TaskSlot}; a task runs once.
 *
 * <p>Like JabRef's BackgroundTask, and unlike {@code javafx.concurrent.Task}, it does not tie its
 * updates to the JavaFX thread by itself: the executor hands them to the UI thread it was given,
 * so models that use it can be tested without a window.
 *
 * @param <V> the result type
 */
public final class BackgroundTask<V> {

    /** The task's work, on a background thread. */
    @FunctionalInterface
    public interface Work<V> {
        V call(Monitor monitor) throws Exception;
    }

    /** What running work may tell (progress, a message) and ask (was it cancelled?). */
    public interface Monitor extends SamplingMonitor {
        void progress(double done, double total);

        void message(String text);

        @Override
        boolean cancelled();

        @Override
        default void stepDone(int done, int total) {
            progress(done, total);
        }
    }

    /** Where a task is: waiting, running, or its outcome. */
    public enum State { READY, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final Message what;
    private final Work<V> work;
    private Consumer<? super V> onSuccess = v -> { };
    private Consumer<TaskFailure> onFailure = f -> { };
    private Runnable onCancelled = () -> { };
    private Consumer<? super V> onDiscarded = v -> { };
    private String initialMessage;

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicReference<double[]> pendingProgress = new AtomicReference<>();
    private final AtomicReference<String> pendingMessage = new AtomicReference<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.READY);
    private Executor ui;
    private Texts texts;
    private BooleanSupplier current = () -> true;
    private V value;
    private TaskFailure failure;

    private BackgroundTask(Message what, Work<V> work) {
        this.what = Objects.requireNonNull(what, "what");
        this.work = Objects.requireNonNull(work, "work");
    }

    /**
     * A task; {@code what} says what it does as a verb phrase from the bundles ({@code task.*}:
     * "sample moons-teacher (512 steps)"): a failure reads "Could not WHAT: cause".
     */
    public static <V> BackgroundTask<V> of(Message what, Work<V> work) {
        return new BackgroundTask<>(what, work);
    }

    public BackgroundTask<V> onSuccess(Consumer<? super V> action) {
        this.onSuccess = action;
        return this;
    }

    public BackgroundTask<V> onFailure(Consumer<TaskFailure> action) {
        this.onFailure = action;
        return this;
    }

    public BackgroundTask<V> onCancelled(Runnable action) {
        this.onCancelled = action;
        return this;
    }

    /**
     * What to do with a result that was computed but will not be delivered (the task was cancelled
     * or superseded after its work had finished): close what it holds.
     */
    public BackgroundTask<V> onDiscarded(Consumer<? super V> action) {
        this.onDiscarded = action;
        return this;
    }

    /** The message shown until the work says something (default: "WHAT…"). */
    public BackgroundTask<V> message(String text) {
        this.initialMessage = text;
        return this;
    }

    public Message what() {
        return what;
    }

    /** Asks the work to stop (it polls {@link Monitor#cancelled}); a task not started yet never starts. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Progress in [0, 1], or -1 while unknown (read on the UI thread). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The work's latest message (read on the UI thread). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    public boolean isDone() {
        State s = state.get();
        return s == State.SUCCEEDED || s == State.FAILED || s == State.CANCELLED;
    }

    /** The result once succeeded, else null. */
    public V value() {
        return value;
    }

    /** The failure once failed, else null. */
    public TaskFailure failure() {
        return failure;
    }

    // ---- for the executor and the slots ----------------------------------------------------------

    /**
     * Prepares a run: updates go to {@code ui}, words are said in {@code language}'s texts; outcomes
     * are delivered only while {@code current} holds.
     */
    void prepare(Executor uiThread, Texts language, BooleanSupplier isCurrent) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a background task runs once: " + what);
        }
        this.ui = uiThread;
        this.texts = language;
        this.current = isCurrent;
        message.set(initialMessage != null ? initialMessage : texts.text(what) + "\u2026");
        progress.set(-1);
        state.set(State.RUNNING);
    }

    /** Runs the work on the calling (background) thread. */
    V compute() throws Exception {
        if (cancelled.get()) {
            throw new java.util.concurrent.CancellationException(what.toString());
        }
        return work.call(new Monitor() {
            @Override
            public void progress(double done, double total) {
                if (pendingProgress.getAndSet(new double[] {done, total}) == null) {
                    ui.execute(() -> {
                        double[] p = pendingProgress.getAndSet(null);
                        if (p != null && !isDone()) {
                            progress.set(p[1] > 0 ? Math.max(0, Math.min(1, p[0] / p[1])) : -1);
                        }
                    });
                }
            }

            @Override
            public void message(String text) {
                if (pendingMessage.getAndSet(text) == null) {
                    ui.execute(() -> {
                        String m = pendingMessage.getAndSet(null);
                        if (m != null && !isDone()) {
                            message.set(m);
                        }
                    });
                }
            }

            @Override
            public boolean cancelled() {
                return cancelled.get() || Thread.currentThread().isInterrupted();
            }
        });
    }

    /** Hands the outcome to the UI thread. */
    void finish(V result, Throwable error) {
        ui.execute(() -> deliver(result, error));
    }

    private void deliver(V result, Throwable error) {
        Throwable cause = TaskFailure.unwrap(error);
        if (cancelled.get() || cause instanceof java.util.concurrent.CancellationException) {
            state.set(State.CANCELLED);
            if (error == null && result != null) {
                onDiscarded.accept(result);
            }
            if (current.getAsBoolean()) {
                onCancelled.run();
            }
        } else if (error != null) {
            failure = new TaskFailure(what, cause, texts);
            state.set(State.FAILED);
            if (current.getAsBoolean()) {
                onFailure.accept(failure);
            }
        } else {
            value = result;
            progress.set(1);
            state.set(State.SUCCEEDED);
            if (current.getAsBoolean()) {
                onSuccess.accept(result);
            } else if (result != null) {
                onDiscarded.accept(result);
            }
        }
    }
}
