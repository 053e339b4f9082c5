package org.pdviz.app.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.pdviz.core.metrics.Estimate;

/**
 * The result of {@code pdviz eval}, written as {@code report.json} (format documented in README):
 * quality against the number of sampling steps for the teacher with plain DDIM and for each
 * distilled student at its own step count, with time and network evaluations per sample.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EvalReport(int format, String created, Machine machine, String command, ModelRef teacher,
                         String data, Reference reference, Features features, Settings settings,
                         String primaryMetric, Map<String, String> metrics, RmseReference rmseReference,
                         Map<String, Estimate> floor, List<Run> teacherRuns, List<Run> students, Run exact,
                         List<String> notes) {

    public static final int FORMAT = 1;

    public EvalReport {
        teacherRuns = List.copyOf(teacherRuns);
        students = List.copyOf(students);
        notes = List.copyOf(notes);
    }

    /** Where the numbers were measured (timings are only comparable on one machine). */
    public record Machine(String os, String arch, int cores, String java, String device) {
        public static Machine current(String device) {
            return new Machine(System.getProperty("os.name"), System.getProperty("os.arch"),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), device);
        }
    }

    /** A model file and what its card says. */
    public record ModelRef(String name, String file, String dataset, String parameterization, boolean exact) {
    }

    /**
     * What the samples are compared with: {@code kind} "dataset" (fresh samples of a named data set),
     * "mixture" (samples of the exact Gaussian mixture the card names), "mnist-heldout" (the held-out
     * digits) or "teacher" (the teacher's own largest-step samples from independent noise, when the
     * data set is unknown).
     */
    public record Reference(String kind, String name, int count, String description) {
    }

    /** Image features for FID/KID: {@code kind} "classifier" (an ONNX classifier) or "fixed". */
    public record Features(String id, String kind, int dim, String file, Double heldOutAccuracy) {
    }

    /** {@code sampler}: the DDIM options when not the defaults (e.g. "spacing leading, ..."), else absent. */
    public record Settings(int samples, long seed, List<Integer> steps, boolean clip, int bootstrap,
                           double confidence, Integer projections, Integer kidSubsets, Integer kidSubsetSize,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String sampler) {
    }

    /** The samples that same-noise RMSE is measured against: the teacher at its largest step count. */
    public record RmseReference(String model, int steps) {
    }

    /**
     * One sampling run: {@code role} "teacher" (plain DDIM), "student" or "exact"; {@code seconds} is
     * the wall time of sampling all {@code samples} (metrics excluded). {@code failed} is null, or why
     * the run gave no samples (a student that returned NaN): then {@code metrics} is empty.
     */
    public record Run(String role, String model, String file, int steps, int evaluationsPerSample, double seconds,
                      double millisPerSample, Map<String, Estimate> metrics, String failed) {
        public Run {
            metrics = metrics == null ? Map.of() : metrics;
        }

        /** A run that could not be scored, and why. */
        public static Run failed(String role, String model, String file, int steps, String reason) {
            return new Run(role, model, file, steps, steps, 0, 0, Map.of(), reason);
        }

        public boolean ok() {
            return failed == null;
        }
    }
}
