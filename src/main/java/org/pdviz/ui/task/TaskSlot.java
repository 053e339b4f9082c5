package org.pdviz.ui.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.pdviz.app.work.LatestLane;

/**
 * One kind of background work of a page or a model (sampling, loading, an evaluation under a
 * slider), of which only the latest request counts: tasks run one at a time in a
 * {@link LatestLane}; a task waiting when a newer one arrives never runs, and the outcome of a
 * superseded task is never delivered. A slot is observable, so panes bind their progress bar,
 * cancel button and status line to it: {@link #busyProperty}, {@link #progressProperty},
 * {@link #statusProperty} (the running task's messages, then "cancelled" or the failure in the
 * task's own words).
 *
 * <p>Used on the UI thread.
 */
public final class TaskSlot<V> {

    private final UiExecutor executor;
    private final LatestLane lane;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final StringProperty status = new SimpleStringProperty("");
    private BackgroundTask<V> latest;

    TaskSlot(UiExecutor executor) {
        this.executor = executor;
        this.lane = new LatestLane(executor.background());
    }

    /** Starts {@code task} as the latest request, cancelling the one in flight. */
    public BackgroundTask<V> start(BackgroundTask<V> task) {
        return submit(task, true);
    }

    /**
     * Queues {@code task} as the latest request; one already running finishes (its result may still
     * be useful to a cache) but is not delivered.
     */
    public BackgroundTask<V> queue(BackgroundTask<V> task) {
        return submit(task, false);
    }

    private BackgroundTask<V> submit(BackgroundTask<V> task, boolean cancelRunning) {
        if (latest != null && cancelRunning) {
            latest.cancel();
        }
        latest = task;
        LatestLane.Request<?>[] request = new LatestLane.Request<?>[1];
        // request[0] is null only while submit is still running: then this task is the latest
        task.prepare(executor.uiThread(), executor.texts(),
                () -> latest == task && (request[0] == null || lane.isLatest(request[0])));
        busy.set(true);
        progress.unbind();
        progress.bind(task.progressProperty());
        status.set(task.messageProperty().get());
        task.messageProperty().addListener((o, a, b) -> {
            if (latest == task && task.state() == BackgroundTask.State.RUNNING) {
                status.set(b);
            }
        });
        task.stateProperty().addListener((o, a, s) -> {
            if (latest != task || !task.isDone()) {
                return;
            }
            busy.set(false);
            progress.unbind();
            progress.set(0);
            if (s == BackgroundTask.State.CANCELLED) {
                status.set(executor.texts().get("task.cancelled"));
            } else if (s == BackgroundTask.State.FAILED) {
                status.set(task.failure().message());
            } else {
                status.set("");
            }
        });
        request[0] = lane.submit(() -> {
            UiExecutor.run(task);
            return null;
        });
        request[0].result().whenComplete((v, e) -> {
            if (request[0].result().isCancelled()) {
                // dropped before it started: a newer request replaced it
                task.finish(null, new java.util.concurrent.CancellationException(task.what().toString()));
            }
        });
        return task;
    }

    /** Cancels the latest task (its "cancelled" is delivered); nothing happens when idle. */
    public void cancel() {
        if (latest != null && !latest.isDone()) {
            latest.cancel();
        }
    }

    /** Cancels the work and drops every outcome still to come. */
    public void clear() {
        cancel();
        latest = null;
        lane.clear();
        busy.set(false);
        progress.unbind();
        progress.set(0);
    }

    /** True from a start until the latest task's outcome is delivered. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** The latest task's progress in [0, 1] (-1: unknown), 0 when idle. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The status line: the running task's messages, then "cancelled", its failure, or "" on success. */
    public StringProperty statusProperty() {
        return status;
    }

    public BackgroundTask<V> latest() {
        return latest;
    }
}
