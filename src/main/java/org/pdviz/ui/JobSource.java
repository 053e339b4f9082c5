package org.pdviz.ui;

import java.nio.file.Path;
import org.pdviz.app.jobs.JobSpec;

/**
 * One way to start a trainer job; each has its pane with a button: distil a teacher of the library
 * ({@link TrainerModel#distillation}), train a 2-D teacher on a built-in data set
 * ({@link TrainerModel#teacherTraining}). Another source of data (drawn points, a file) is one more
 * implementation and one more pane: the job's lifecycle ({@link JobMonitor}), the previews and the
 * library work the same for every source. Called on the UI thread; {@link TrainerModel#start}
 * runs it.
 */
interface JobSource {

    /** The name asked for the run's folder (a fresh folder is made from it: NAME, NAME-2, ...). */
    String runName();

    /** The bundle key of the dialog's header when the settings cannot make a job ({@code dialog.*}). */
    String refusal();

    /**
     * The job for the fresh run folder {@code run} (not created yet).
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    JobSpec job(Path run);
}
