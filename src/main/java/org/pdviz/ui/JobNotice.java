package org.pdviz.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.jobs.DistillJob;
import org.pdviz.app.jobs.JobResult;
import org.pdviz.app.jobs.JobSpec;
import org.pdviz.app.jobs.Runs;
import org.pdviz.app.jobs.TrainJob;

/**
 * When a trainer job ends while the user looks at another page, a notification says which job and
 * how it ended, and a click opens its result: a distillation's newest student in the comparison, a
 * trained teacher in the player, a stopped or failed job in the trainer (where it can be resumed and
 * its messages say why). Nothing is said on the trainer page itself: the outcome is on screen.
 *
 * @param key   the text: {@code trainer.notice.*} with the run {0}, the time it ran {1} and the model's name {2}
 * @param run   the run folder's name
 * @param took  how long the job ran (empty when it failed)
 * @param file  the model a click opens, or null for the trainer page
 * @param opens the page a click opens
 */
record JobNotice(String key, String run, String took, Path file, PdvizApp.View opens) {

    static final String STYLE = "pdviz-job-notice";

    /** The notice for a job that ended ({@code result} null: it failed) while {@code onScreen} was shown, if one is due. */
    static Optional<JobNotice> of(JobSpec spec, JobResult result, Path newestStudent, PdvizApp.View onScreen) {
        if (onScreen == null || onScreen == PdvizApp.View.TRAINER) {
            return Optional.empty();
        }
        String run = Runs.runName(spec);
        if (result == null) {
            return Optional.of(new JobNotice("trainer.notice.failed", run, "", null, PdvizApp.View.TRAINER));
        }
        String took = TrainerText.duration(result.seconds());
        if (result.cancelled()) {
            return Optional.of(new JobNotice("trainer.notice.cancelled", run, took, null, PdvizApp.View.TRAINER));
        }
        if (spec instanceof DistillJob && newestStudent != null) {
            return Optional.of(new JobNotice("trainer.notice.distilled", run, took, newestStudent, PdvizApp.View.COMPARE));
        }
        if (spec instanceof TrainJob t) {
            return Optional.of(new JobNotice("trainer.notice.trained", run, took, t.out(), PdvizApp.View.PLAYER));
        }
        return Optional.of(new JobNotice("trainer.notice.finished", run, took, null, PdvizApp.View.TRAINER));
    }

    /** The notice's heading: how the job ended, and its run. */
    Message title() {
        return Message.of(switch (key) {
            case "trainer.notice.failed" -> "trainer.notice.title.failed";
            case "trainer.notice.cancelled" -> "trainer.notice.title.cancelled";
            default -> "trainer.notice.title.finished";
        }, run);
    }

    /** What the notice says, {@code name} being the model's name in the library (unused without a model). */
    Message text(String name) {
        return Message.of(key, run, took, name == null ? "" : name);
    }

    /** The label of its button. */
    String button() {
        return switch (opens) {
            case COMPARE -> "library.compare";
            case PLAYER -> "library.play";
            default -> "trainer.notice.open";
        };
    }

    /**
     * Shows it at the bottom right of {@code owner} until it is clicked or closed (a job may end while
     * the class looks elsewhere: it waits). A click on it or on its button runs {@code open} once.
     */
    void show(Window owner, Localizer t, String name, Runnable open) {
        // guards against a click that reaches both the button and the notice under it
        boolean[] done = {false};
        Runnable once = () -> {
            if (!done[0]) {
                done[0] = true;
                open.run();
            }
        };
        Notifications.create()
                .owner(owner)
                .title(t.get(title()))
                .text(t.get(text(name)))
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.INDEFINITE)
                .styleClass(STYLE)
                .onAction(e -> once.run())
                .action(new Action(t.get(button()), e -> {
                    once.run();
                    if (e.getSource() instanceof Node button) {
                        close(button);
                    }
                }))
                .show();
    }

    /** Closes the notice holding {@code inside} as its own close button does (its button keeps the click from the notice, which would close it). */
    private static void close(Node inside) {
        for (Node n = inside; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("notification-bar")) {
                if (n.lookup(".close-button") instanceof Button close) {
                    close.fire();
                }
                return;
            }
        }
    }
}
