package org.pdviz.runtime.card;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pdviz.core.data.Normalization;
import org.pdviz.core.model.DataRange;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.model.TimeInput;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.BetaSchedule;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.DiscreteSchedule;
import org.pdviz.core.schedule.Schedule;

/**
 * What a checkpoint is, stored as JSON in the ONNX file's metadata_props under {@link #METADATA_KEY}.
 * {@code steps} is the step count a student was distilled for (null for a teacher); {@code family}
 * names the network family and its hyperparameters when the model can be trained further;
 * {@code timeInput} ("t", "index" or "logSnr") and {@code inputs} (the graph's names for z and t)
 * describe how the network is called, and are written only when they differ from the contract's.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ModelCard(int format, String name, String dataset, String parameterization, ScheduleSpec schedule,
                        int[] dataShape, double[] dataRange, Integer steps, Family family, Lineage lineage,
                        String description, @JsonInclude(JsonInclude.Include.NON_NULL) String timeInput,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Inputs inputs) {

    public static final String METADATA_KEY = "pdviz.card";
    public static final int FORMAT = 1;

    /** A card in the contract's terms: time input t, inputs named z and t. */
    public ModelCard(int format, String name, String dataset, String parameterization, ScheduleSpec schedule,
                     int[] dataShape, double[] dataRange, Integer steps, Family family, Lineage lineage,
                     String description) {
        this(format, name, dataset, parameterization, schedule, dataShape, dataRange, steps, family, lineage,
                description, null, null);
    }

    /**
     * The schedule as written in a card: {@code {"name": "cosine", "logSnrMin", "logSnrMax"}}, or
     * {@code {"name": "discrete", "betas": "linear"|"scaled_linear"|"squaredcos_cap_v2", "betaStart",
     * "betaEnd", "timesteps"}}, or {@code {"name": "discrete", "alphasCumprod": [...]}}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScheduleSpec(String name, Double logSnrMin, Double logSnrMax, String betas, Double betaStart,
                               Double betaEnd, Integer timesteps, double[] alphasCumprod) {

        public static ScheduleSpec of(CosineSchedule s) {
            return new ScheduleSpec(CosineSchedule.NAME, s.logSnrMin(), s.logSnrMax(), null, null, null, null, null);
        }

        /** A discrete schedule from betas (betaStart and betaEnd are ignored by squaredcos_cap_v2). */
        public static ScheduleSpec betas(BetaSchedule betas, Double betaStart, Double betaEnd, int timesteps) {
            return new ScheduleSpec(DiscreteSchedule.NAME, null, null, betas.id(), betaStart, betaEnd, timesteps, null);
        }

        public static ScheduleSpec table(double[] alphasCumprod) {
            return new ScheduleSpec(DiscreteSchedule.NAME, null, null, null, null, null, null, alphasCumprod.clone());
        }

        /** The schedule this describes; the message of a bad one names the field ("schedule.betaEnd: ..."). */
        public Schedule value() {
            String n = name == null ? CosineSchedule.NAME : name;
            if (n.equals(CosineSchedule.NAME)) {
                only("cosine", betas == null && betaStart == null && betaEnd == null && timesteps == null
                        && alphasCumprod == null, "betas, betaStart, betaEnd, timesteps and alphasCumprod");
                double lo = logSnrMin == null ? CosineSchedule.CLIPPED.logSnrMin() : logSnrMin;
                double hi = logSnrMax == null ? CosineSchedule.CLIPPED.logSnrMax() : logSnrMax;
                if (Double.isNaN(lo) || Double.isNaN(hi) || !(lo < hi)) {
                    throw new IllegalArgumentException("schedule log-SNR range [logSnrMin " + lo + ", logSnrMax " + hi
                            + "] needs logSnrMin < logSnrMax");
                }
                return new CosineSchedule(lo, hi);
            }
            if (!n.equals(DiscreteSchedule.NAME)) {
                throw new IllegalArgumentException("schedule '" + name + "' is not supported (cosine or discrete)");
            }
            only("discrete", logSnrMin == null && logSnrMax == null, "logSnrMin and logSnrMax");
            if (alphasCumprod != null) {
                only("an alphasCumprod table", betas == null && betaStart == null && betaEnd == null,
                        "betas, betaStart and betaEnd");
                if (timesteps != null && timesteps != alphasCumprod.length) {
                    throw new IllegalArgumentException("schedule.timesteps: " + timesteps + " but alphasCumprod has "
                            + alphasCumprod.length + " entries");
                }
                try {
                    return new DiscreteSchedule(alphasCumprod);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("schedule.alphasCumprod: " + e.getMessage());
                }
            }
            if (betas == null) {
                throw new IllegalArgumentException("schedule.betas: a discrete schedule needs betas (linear, "
                        + "scaled_linear or squaredcos_cap_v2) or an alphasCumprod table");
            }
            BetaSchedule kind;
            try {
                kind = BetaSchedule.parse(betas);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("schedule.betas: " + e.getMessage());
            }
            if (timesteps == null || timesteps < 2) {
                throw new IllegalArgumentException("schedule.timesteps: needs the number of training timesteps T >= 2"
                        + (timesteps == null ? "" : ", got " + timesteps));
            }
            if (kind.usesRange()) {
                requireBeta("betaStart", betaStart);
                requireBeta("betaEnd", betaEnd);
            } else {
                only("squaredcos_cap_v2", betaStart == null && betaEnd == null, "betaStart and betaEnd");
            }
            try {
                return DiscreteSchedule.of(kind, timesteps, kind.usesRange() ? betaStart : 0,
                        kind.usesRange() ? betaEnd : 0);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("schedule: the betas give an unusable table (" + e.getMessage() + ")");
            }
        }

        /** One line for people, e.g. "discrete, linear betas 0.0001 to 0.02, T = 1000". */
        public String describe() {
            Schedule s;
            try {
                s = value();
            } catch (IllegalArgumentException e) {
                return "unusable (" + e.getMessage() + ")";
            }
            if (s instanceof CosineSchedule c) {
                return "cosine, log-SNR clipped to [" + fmt(c.logSnrMin()) + ", " + fmt(c.logSnrMax()) + "]";
            }
            int t = ((DiscreteSchedule) s).timesteps();
            if (alphasCumprod != null) {
                return "discrete, alpha-bar table, T = " + t;
            }
            BetaSchedule b = BetaSchedule.parse(betas);
            return "discrete, " + b.id() + " betas" + (b.usesRange() ? " " + fmt(betaStart) + " to " + fmt(betaEnd)
                    : "") + ", T = " + t;
        }

        private static String fmt(double v) {
            return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()
                    : Double.toString(v);
        }

        private static void requireBeta(String field, Double value) {
            if (value == null || !(value > 0 && value < 1)) {
                throw new IllegalArgumentException("schedule." + field + ": needs a beta in (0, 1)"
                        + (value == null ? "" : ", got " + value));
            }
        }

        private static void only(String what, boolean ok, String fields) {
            if (!ok) {
                throw new IllegalArgumentException("schedule: " + fields + " do not apply to " + what);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ScheduleSpec s && java.util.Objects.equals(s.name, name)
                    && java.util.Objects.equals(s.logSnrMin, logSnrMin) && java.util.Objects.equals(s.logSnrMax, logSnrMax)
                    && java.util.Objects.equals(s.betas, betas) && java.util.Objects.equals(s.betaStart, betaStart)
                    && java.util.Objects.equals(s.betaEnd, betaEnd) && java.util.Objects.equals(s.timesteps, timesteps)
                    && java.util.Arrays.equals(s.alphasCumprod, alphasCumprod);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(name, logSnrMin, logSnrMax, betas, betaStart, betaEnd, timesteps)
                    + java.util.Arrays.hashCode(alphasCumprod);
        }
    }

    /** The graph's names for the noisy sample and the time input (defaults: "z" and "t"). */
    public record Inputs(String z, String t) {
        public static final Inputs CONTRACT = new Inputs("z", "t");
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

    /** The schedule (the clipped cosine one when the card names none). */
    public Schedule scheduleValue() {
        return schedule == null ? CosineSchedule.CLIPPED : schedule.value();
    }

    /**
     * The cosine schedule, for what needs continuous time (training, distillation); a discrete-time
     * model is refused with one line that says so.
     */
    public CosineSchedule cosineSchedule(String what) {
        Schedule s = scheduleValue();
        if (s instanceof CosineSchedule c) {
            return c;
        }
        throw new IllegalArgumentException(what + " needs continuous time (the cosine schedule), but '" + name
                + "' has a discrete-time schedule (" + schedule.describe() + "): such a model can be sampled, compared"
                + " and evaluated, not distilled or trained further");
    }

    /** How the network takes time: the card's, else t for the cosine schedule and the index for a discrete one. */
    public TimeInput timeInputValue() {
        return timeInput == null ? TimeInput.defaultFor(scheduleValue()) : TimeInput.parse(timeInput);
    }

    /** The graph's input names, the contract's z and t where the card names none. */
    public Inputs inputsValue() {
        if (inputs == null) {
            return Inputs.CONTRACT;
        }
        return new Inputs(inputs.z() == null ? "z" : inputs.z(), inputs.t() == null ? "t" : inputs.t());
    }

    public DataShape shapeValue() {
        return new DataShape(dataShape);
    }

    public DataRange rangeValue() {
        return dataRange == null ? DataRange.SYMMETRIC_UNIT : new DataRange(dataRange[0], dataRange[1]);
    }

    /** Derived from {@code steps}, not a field of the card (cards written before this carry it as "student"). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isStudent() {
        return steps != null;
    }

    public ModelCard withName(String newName) {
        return new ModelCard(format, newName, dataset, parameterization, schedule, dataShape, dataRange, steps, family,
                lineage, description, timeInput, inputs);
    }

    public ModelCard withSteps(Integer newSteps) {
        return new ModelCard(format, name, dataset, parameterization, schedule, dataShape, dataRange, newSteps, family,
                lineage, description, timeInput, inputs);
    }

    public ModelCard withLineage(Lineage newLineage) {
        return new ModelCard(format, name, dataset, parameterization, schedule, dataShape, dataRange, steps, family,
                newLineage, description, timeInput, inputs);
    }

    public ModelCard withFamily(Family newFamily) {
        return new ModelCard(format, name, dataset, parameterization, schedule, dataShape, dataRange, steps, newFamily,
                lineage, description, timeInput, inputs);
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
