package org.pdviz.app.jobs;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.file.Path;

/**
 * A training job as a user states it (command line or trainer panel): plain values, checked when
 * the job starts. Saved as {@code job.json} in the job's folder so that an interrupted job can be
 * resumed with nothing but that folder.
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

    /** cpu or cuda. */
    String device();

    /** Intra-op threads for training (0: the default, all cores up to 8). */
    int threads();

    /** Seconds between saved states (0: only at the end of rounds and on cancel). */
    double checkpointSeconds();

    /** Where the resumable state lives. */
    default Path folder() {
        return Jobs.folderFor(this);
    }
}
