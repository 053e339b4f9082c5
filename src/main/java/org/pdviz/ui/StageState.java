package org.pdviz.ui;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.pdviz.app.jobs.RoundSummary;
import org.pdviz.app.jobs.Stage;

/** One stage of a job as the trainer follows it (a model: {@link StageRow} shows it): its mark, progress line, and when done its checkpoint. */
final class StageState {

    final Stage stage;
    private final ReadOnlyStringWrapper mark = new ReadOnlyStringWrapper("\u00B7");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("waiting");
    private final ReadOnlyStringWrapper detail;
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private double progress;

    StageState(Stage stage) {
        this.stage = stage;
        this.detail = new ReadOnlyStringWrapper(String.format("%,d iterations", stage.iterations()));
    }

    void running(long iteration, double loss) {
        if (done.get()) {
            return;
        }
        mark.set("\u25B6");
        progress = stage.iterations() == 0 ? 0 : (double) iteration / stage.iterations();
        info.set(String.format("%,d / %,d, loss %s", iteration, stage.iterations(), TrainerText.compact(loss)));
    }

    void finished(RoundSummary r) {
        info.set("loss " + TrainerText.compact(r.finalLoss()) + (Double.isNaN(r.seconds()) ? ""
                : ", " + TrainerText.duration(r.seconds())));
        written(r.file());
    }

    /** Finished in an earlier session (a resumed job). */
    void finishedEarlier() {
        info.set("finished earlier");
        written(stage.file());
    }

    private void written(Path file) {
        mark.set("\u2713");
        progress = 1;
        detail.set("Wrote " + file + "; final loss: mean of the last 100 iterations");
        done.set(true);
    }

    /** The job stopped: an unfinished stage says how far it got. */
    void stopped() {
        if (!done.get()) {
            mark.set("\u25A0");
            info.set(progress > 0 ? info.get() + " (stopped)" : "not started");
        }
    }

    ReadOnlyStringProperty markProperty() {
        return mark.getReadOnlyProperty();
    }

    /** The progress line: iterations and loss, then the final loss and time. */
    ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** More about it (a tooltip): its iterations, then the file it wrote. */
    ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    boolean isDone() {
        return done.get();
    }
}
