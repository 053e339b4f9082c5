package org.pdviz.app.jobs;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.file.Path;
import java.util.List;
import org.pdviz.runtime.Device;

/**
 * A training job as a user states it (command line or trainer panel): values already parsed into
 * their types at that edge, checked when the job starts. Saved as {@code job.json} in the job's
 * folder ({@link JobJson}) so that an interrupted job can be resumed with nothing but that folder.
 * Each kind says for itself where it lives, what it will do and how it runs: nothing dispatches on
 * the kind.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = TrainJob.class, name = "train"),
    @JsonSubTypes.Type(value = DistillJob.class, name = "distill"),
    @JsonSubTypes.Type(value = ClassifierJob.class, name = "classifier")})
public sealed interface JobSpec permits TrainJob, DistillJob, ClassifierJob {

    /** The command line recorded in the checkpoints' cards. */
    String command();

    /** The model file (train, classifier) or folder of students (distill). */
    Path out();

    Device device();

    /** Intra-op threads for training (0: the default, all cores up to 8). */
    int threads();

    /** Seconds between saved states (0: only at the end of rounds and on cancel). */
    double checkpointSeconds();

    /** Where the resumable state lives ({@link Jobs#fileFolder}, {@link Jobs#distillFolder}). */
    default Path folder() {
        return runner().folder();
    }

    /**
     * What the job will do, stage by stage, worked out and checked before it runs (a distillation opens
     * its teacher's file for this): the labels, iterations and checkpoints its progress events will
     * refer to by index.
     */
    default List<Stage> stages() throws Exception {
        return runner().stages();
    }

    /** Where an interrupted run stopped, for a person ("iteration 40", "stage 2, iteration 40"). */
    default String where(int round, long iteration) {
        return runner().where(round, iteration);
    }

    /** What starting it over does, for a person. */
    default String restartEffect() {
        return runner().restartEffect();
    }

    /** How {@link Jobs} runs this kind of job. */
    JobRunner runner();
}
