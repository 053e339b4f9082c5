package org.pdviz.cli;

import java.nio.file.Path;
import org.pdviz.app.jobs.JobSpec;
import org.pdviz.app.jobs.Jobs;
import picocli.CommandLine.Option;

/** How a training command takes up an interrupted job for its --out: continue it, or start it over. */
final class ResumeOptions {

    @Option(names = "--resume")
    boolean resume;

    @Option(names = "--restart")
    boolean restart;

    Jobs.Start start() {
        if (resume && restart) {
            throw new IllegalArgumentException("give --resume or --restart, not both");
        }
        return resume ? Jobs.Start.RESUME : restart ? Jobs.Start.RESTART : Jobs.Start.FRESH;
    }

    /** The spec of the interrupted job in {@code folder} that --resume or --restart takes up. */
    static <T extends JobSpec> T interrupted(Path folder, Class<T> kind, Path out, Jobs.Start start)
            throws java.io.IOException {
        return kind.cast(Jobs.interrupted(folder).map(Jobs.Interrupted::spec).filter(kind::isInstance)
                .orElseThrow(() -> new IllegalArgumentException("nothing to " + (start == Jobs.Start.RESUME ? "resume"
                        : "start over") + " for " + out + ": no interrupted job in " + folder)));
    }
}
