package org.pdviz.app.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.pdviz.train.data.TrainingData;

/** How {@link Jobs} runs one kind of job: one implementation per kind, bound to its job. */
interface JobRunner {

    Path folder();

    List<Stage> stages() throws Exception;

    String where(int round, long iteration);

    String restartEffect();

    /** The job's data, read and checked before anything is written (null: the trainer finds its own). */
    TrainingData.Source data() throws Exception;

    /** Removes what writes killed with the process (kill -9) left beside the job's output. */
    void removeLeftovers() throws IOException;

    /** Refuses a fresh start over finished output. */
    void checkFreshOutput() throws IOException;

    /** Runs the job with its folder locked. */
    JobResult run(JobContext c) throws Exception;
}
