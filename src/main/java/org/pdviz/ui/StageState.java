package org.pdviz.ui;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.jobs.RoundSummary;
import org.pdviz.app.jobs.Stage;

/** One stage of a job as the trainer follows it (a model: {@link StageRow} shows it): its mark, progress line, and when done its checkpoint. */
final class StageState {

    final Stage stage;
    private final ReadOnlyStringWrapper mark = new ReadOnlyStringWrapper("\u00B7");
    private final SaidText info;
    private final SaidText detail;
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private double progress;

    StageState(Stage stage, Localizer i18n) {
        this.stage = stage;
        this.info = new SaidText(i18n, Message.of("trainer.stage.waiting"));
        this.detail = new SaidText(i18n, Message.of("trainer.stage.iterations", String.format("%,d", stage.iterations())));
    }

    void running(long iteration, double loss) {
        if (done.get()) {
            return;
        }
        mark.set("\u25B6");
        progress = stage.iterations() == 0 ? 0 : (double) iteration / stage.iterations();
        info.set(Message.of("trainer.stage.running", String.format("%,d", iteration), String.format("%,d", stage.iterations()),
                TrainerText.compact(loss)));
    }

    void finished(RoundSummary r) {
        info.set(Double.isNaN(r.seconds()) ? Message.of("trainer.stage.loss", TrainerText.compact(r.finalLoss()))
                : Message.of("trainer.stage.loss.time", TrainerText.compact(r.finalLoss()), TrainerText.duration(r.seconds())));
        written(r.file());
    }

    /** Finished in an earlier session (a resumed job). */
    void finishedEarlier() {
        info.set(Message.of("trainer.stage.earlier"));
        written(stage.file());
    }

    private void written(Path file) {
        mark.set("\u2713");
        progress = 1;
        detail.set(Message.of("trainer.stage.wrote", file));
        done.set(true);
    }

    /** The job stopped: an unfinished stage says how far it got. */
    void stopped() {
        if (!done.get()) {
            mark.set("\u25A0");
            info.set(progress > 0 ? Message.of("trainer.stage.stopped", info.said()) : Message.of("trainer.stage.not_started"));
        }
    }

    ReadOnlyStringProperty markProperty() {
        return mark.getReadOnlyProperty();
    }

    /** The progress line: iterations and loss, then the final loss and time. */
    ReadOnlyStringProperty infoProperty() {
        return info.textProperty();
    }

    /** More about it (a tooltip): its iterations, then the file it wrote. */
    ReadOnlyStringProperty detailProperty() {
        return detail.textProperty();
    }

    ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    boolean isDone() {
        return done.get();
    }
}
