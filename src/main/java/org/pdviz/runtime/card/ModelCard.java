package org.pdviz.runtime.card;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pdviz.core.data.Normalization;
import org.pdviz.core.model.DataRange;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;

/**
 * What a checkpoint is, stored as JSON in the ONNX file's metadata_props under {@link #METADATA_KEY}.
 * {@code steps} is the step count a student was distilled for (null for a teacher); {@code family}
 * names the network family and its hyperparameters when the model can be trained further.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ModelCard(int format, String name, String dataset, String parameterization, Schedule schedule,
                        int[] dataShape, double[] dataRange, Integer steps, Family family, Lineage lineage,
                        String description) {

    public static final String METADATA_KEY = "pdviz.card";
    public static final int FORMAT = 1;

    public record Schedule(String name, double logSnrMin, double logSnrMax) {
        public static Schedule of(CosineSchedule s) {
            return new Schedule(CosineSchedule.NAME, s.logSnrMin(), s.logSnrMax());
        }
    }

    /** A network family ("mlp", "unet", "exact-gaussian-mixture") and its hyperparameters. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Family(String name, Map<String, Object> params) {
        public Family {
            params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    /**
     * Where a model came from: its parent (null for a teacher trained from data), the round, etc.;
     * {@code data} says what it learned from when that was not a built-in data set.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Lineage(String parent, Integer round, Long iterations, Long seed, String created, Double finalLoss,
                          String command, DataOrigin data) {
        public Lineage(String parent, Integer round, Long iterations, Long seed, String created, Double finalLoss,
                       String command) {
            this(parent, round, iterations, seed, created, finalLoss, command, null);
        }

        public Lineage withData(DataOrigin newData) {
            return new Lineage(parent, round, iterations, seed, created, finalLoss, command, newData);
        }
    }

    /**
     * The data a model learned from, when it was not a built-in data set: a file (its name and the
     * SHA-256 of its bytes), points given in memory (hashed by value), or a teacher's own samples
     * (data-free distillation). {@code normalization} is the map applied to the file's points, if any.
     *
     * @param source "file", "points" or "teacher-samples"
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataOrigin(String source, String file, String sha256, Integer count, Normalization normalization,
                             String note) {

        /** One line for people: "points.csv (1,234 samples, sha256 1a2b3c4d..., normalised)". */
        public String describe() {
            StringBuilder b = new StringBuilder(file != null ? file : source);
            b.append(" (");
            if (count != null) {
                b.append(String.format("%,d samples, ", count));
            }
            if (sha256 != null) {
                b.append("sha256 ").append(sha256, 0, Math.min(12, sha256.length())).append("...");
            }
            if (normalization != null) {
                b.append(", normalised into [-1, 1]");
            }
            b.append(')');
            if (note != null) {
                b.append(": ").append(note);
            }
            return b.toString();
        }
    }

    public Parameterization parameterizationValue() {
        return Parameterization.parse(parameterization);
    }

    public CosineSchedule scheduleValue() {
        if (schedule == null) {
            return CosineSchedule.CLIPPED;
        }
        if (schedule.name() != null && !CosineSchedule.NAME.equals(schedule.name())) {
            throw new IllegalArgumentException("unsupported schedule '" + schedule.name() + "' (only 'cosine')");
        }
        return new CosineSchedule(schedule.logSnrMin(), schedule.logSnrMax());
    }

    public DataShape shapeValue() {
        return new DataShape(dataShape);
    }

    public DataRange rangeValue() {
        return dataRange == null ? DataRange.SYMMETRIC_UNIT : new DataRange(dataRange[0], dataRange[1]);
    }

    public boolean isStudent() {
        return steps != null;
    }

    public ModelCard withName(String newName) {
        return new ModelCard(format, newName, dataset, parameterization, schedule, dataShape, dataRange, steps, family,
                lineage, description);
    }

    public ModelCard withSteps(Integer newSteps) {
        return new ModelCard(format, name, dataset, parameterization, schedule, dataShape, dataRange, newSteps, family,
                lineage, description);
    }

    public ModelCard withLineage(Lineage newLineage) {
        return new ModelCard(format, name, dataset, parameterization, schedule, dataShape, dataRange, steps, family,
                newLineage, description);
    }

    public ModelCard withFamily(Family newFamily) {
        return new ModelCard(format, name, dataset, parameterization, schedule, dataShape, dataRange, steps, newFamily,
                lineage, description);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelCard c && CardJson.write(this).equals(CardJson.write(c));
    }

    @Override
    public int hashCode() {
        return CardJson.write(this).hashCode();
    }

    @Override
    public String toString() {
        return CardJson.write(this);
    }
}
