package org.pdviz.app.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pdviz.app.i18n.Language;
import org.pdviz.app.i18n.Texts;
import org.pdviz.core.metrics.Estimate;
import org.pdviz.runtime.card.CardJson;

/**
 * A model's quality at a step count as {@code pdviz eval} measured it, read from the
 * {@code report.json} in the model's folder (the shipped models each have one): the primary metric
 * (FID for images, SWD for points) with its interval, for the comparison view and command.
 */
public record ReportQuality(String metric, Estimate estimate, int samples, String reference, Path report) {

    /** The report beside a model file, if there is a readable one. */
    public static Optional<EvalReport> reportFor(Path modelFile) {
        Path file = modelFile.toAbsolutePath().getParent().resolve(EvalService.JSON);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(CardJson.mapper().readValue(file.toFile(), EvalReport.class));
        } catch (IOException | RuntimeException e) {
            // an unreadable report only means no quality numbers are shown
            return Optional.empty();
        }
    }

    /**
     * The measured quality of {@code modelFile} sampled with {@code steps} steps: the report's run of
     * that file (by file name, the report lying beside it), or of a model with the card name
     * {@code model} (reports that name no file). By file first, so that a model renamed since it was
     * evaluated (the shipped ones were given data-set-prefixed names) keeps its numbers.
     */
    public static Optional<ReportQuality> find(Path modelFile, String model, int steps) {
        return reportFor(modelFile).flatMap(r -> {
            List<EvalReport.Run> runs = new ArrayList<>(r.teacherRuns());
            runs.addAll(r.students());
            if (r.exact() != null) {
                runs.add(r.exact());
            }
            return runs.stream()
                    .filter(run -> (run.file() != null ? sameFileName(run.file(), modelFile)
                            : run.model().equals(model)) && run.steps() == steps
                            && run.metrics().containsKey(r.primaryMetric()))
                    .findFirst()
                    .map(run -> new ReportQuality(r.primaryMetric(), run.metrics().get(r.primaryMetric()),
                            r.settings().samples(), r.reference() == null ? "" : r.reference().name(),
                            modelFile.toAbsolutePath().getParent().resolve(EvalService.JSON)));
        });
    }

    private static boolean sameFileName(String reported, Path modelFile) {
        Path name = Path.of(reported).getFileName();
        return name != null && name.equals(modelFile.getFileName());
    }

    /** E.g. "FID 3.21 [2.95, 3.60] (1000 samples)". */
    public String describe() {
        return describe(Texts.of(Language.EN));
    }

    /** As {@link #describe()}, in a language. */
    public String describe(Texts t) {
        return t.format("eval.quality", metric.toUpperCase(Locale.ROOT), number(estimate.value()),
                number(estimate.lo()), number(estimate.hi()), samples);
    }

    private static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.1f", v)
                : Math.abs(v) >= 1 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
