package org.pdviz.ui;

import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

/**
 * One background task at a time for a page, with its progress bar, cancel button and status line:
 * starting a task cancels the one in flight, and only the latest task's outcome reaches the page.
 */
final class BackgroundRun<T> {

    private final AppContext ctx;
    private final ProgressBar progress;
    private final Button cancel;
    private final Label status;
    private Task<T> job;

    BackgroundRun(AppContext ctx, ProgressBar progress, Button cancel, Label status) {
        this.ctx = ctx;
        this.progress = progress;
        this.cancel = cancel;
        this.status = status;
        cancel.setOnAction(e -> cancel());
        cancel.setDisable(true);
        // Cancel is on screen only while something runs
        cancel.visibleProperty().bind(cancel.disableProperty().not());
        cancel.managedProperty().bind(cancel.visibleProperty());
        progress.setPrefWidth(140);
        progress.setVisible(false);
    }

    /**
     * Runs {@code task}; {@code startText} is the status while it runs (null: the task's own messages).
     * {@code done} receives the value on the UI thread; a failure opens a dialog titled {@code failure}.
     */
    void start(Task<T> task, String startText, Consumer<T> done, String failure) {
        cancel();
        job = task;
        progress.progressProperty().bind(task.progressProperty());
        if (startText == null) {
            status.textProperty().bind(task.messageProperty());
        } else {
            status.setText(startText);
        }
        progress.setVisible(true);
        cancel.setDisable(false);
        task.setOnSucceeded(e -> {
            if (job == task) {
                finished();
                done.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (job == task) {
                finished();
                status.setText("sampling failed");
                ctx.error(failure, AppContext.message(task.getException()));
            }
        });
        task.setOnCancelled(e -> {
            if (job == task) {
                finished();
                status.setText("cancelled");
            }
        });
        ctx.submit(task);
    }

    void cancel() {
        if (job != null && job.isRunning()) {
            job.cancel(true);
        }
    }

    boolean busy() {
        return job != null;
    }

    private void finished() {
        job = null;
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        progress.setVisible(false);
        cancel.setDisable(true);
    }
}
