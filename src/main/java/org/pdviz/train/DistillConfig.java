package org.pdviz.train;

import java.nio.file.Path;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.param.Parameterization;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.train.data.TrainingData;
import org.pdviz.train.family.Family;

/**
 * A distillation run's settings, checked. Built with {@link #builder}: what every run must say is
 * asked for there, the rest has defaults (as DJL's {@code DefaultTrainingConfig} does).
 *
 * @param teacherOverrides card fields for a teacher without a card (its parameterisation)
 * @param studentFamily    null: the teacher's own family and weights; else a fresh network
 * @param dataset          null: the teacher card's data set
 * @param from             null: the teacher card's step count
 * @param copyIterations   for a fresh student, the iterations of the first stage that makes it a copy of
 *                         the teacher (null: four times the iterations per round; 0: no copy stage, the
 *                         first round then trains the fresh network on Algorithm 2's targets); unused
 *                         otherwise
 * @param copyLr           the copy stage's initial learning rate (null: {@code lr}); it learns a whole
 *                         denoiser from scratch, so a training rate suits it better than a distillation one
 * @param data             data already opened (a file, points in memory); null: {@code dataset} by name
 * @param teacherSamples   with {@code dataset} "teacher": how many of the teacher's own samples to learn from
 *                         (null: 4,096 points or 1,024 images)
 * @param firstRoundIterations the first halving round's iterations (null: {@code iterationsPerRound}); a
 *                         fresh student without a copy stage needs more there than later
 * @param roundIterations  iterations for chosen rounds, named by their student's steps; they override the two
 *                         above for those rounds
 */
public record DistillConfig(Path teacher, CardOverrides teacherOverrides, Family studentFamily,
                            Parameterization studentParameterization, String dataset, Integer from, int to,
                            long iterationsPerRound, int batch, double lr, Weighting weighting, double clip, long seed,
                            TeacherEngine engine, Path outDir, Path mnistFolder, String command, Long copyIterations,
                            Double copyLr, TrainingData.Source data, Integer teacherSamples,
                            Long firstRoundIterations, RoundIterations roundIterations) {

    public DistillConfig {
        if (roundIterations == null) {
            roundIterations = RoundIterations.NONE;
        }
        if (copyLr != null) {
            RunChecks.learningRate(Setting.COPY_LR, copyLr);
        }
        if (copyIterations != null && copyIterations != 0) {
            RunChecks.iterations(Setting.COPY_ITERATIONS, copyIterations);
        }
        if (firstRoundIterations != null) {
            RunChecks.iterations(Setting.FIRST_ROUND_ITERATIONS, firstRoundIterations);
        }
        if (teacherSamples != null) {
            RunChecks.atLeastOne(Setting.TEACHER_SAMPLES, teacherSamples);
        }
        RunChecks.optimiser(Setting.ITERATIONS_PER_ROUND, iterationsPerRound, batch, lr);
        if (teacherOverrides == null) {
            teacherOverrides = CardOverrides.NONE;
        }
        if (engine == null) {
            engine = TeacherEngine.AUTO;
        }
        if (weighting == null) {
            weighting = Weighting.SNR_PLUS_ONE;
        }
        if (data != null) {
            dataset = data.name();
        }
    }

    /**
     * A run from {@code teacher} down to {@code to} steps, {@code iterationsPerRound} iterations of
     * {@code batch} samples at initial rate {@code lr} per round, writing its students into {@code outDir}.
     */
    public static Builder builder(Path teacher, int to, long iterationsPerRound, int batch, double lr, Path outDir) {
        return new Builder(teacher, to, iterationsPerRound, batch, lr, outDir);
    }

    /** The optional settings, by what they are about; a null argument keeps the default. */
    public static final class Builder {
        private final Path teacher;
        private final int to;
        private final long iterationsPerRound;
        private final int batch;
        private final double lr;
        private final Path outDir;
        private CardOverrides teacherOverrides = CardOverrides.NONE;
        private Family studentFamily;
        private Parameterization studentParameterization;
        private String dataset;
        private Integer from;
        private Weighting weighting = Weighting.SNR_PLUS_ONE;
        private double clip = 1.0;
        private long seed;
        private TeacherEngine engine = TeacherEngine.AUTO;
        private Path mnistFolder;
        private String command = "";
        private Long copyIterations;
        private Double copyLr;
        private TrainingData.Source data;
        private Integer teacherSamples;
        private Long firstRoundIterations;
        private RoundIterations roundIterations = RoundIterations.NONE;

        private Builder(Path teacher, int to, long iterationsPerRound, int batch, double lr, Path outDir) {
            this.teacher = teacher;
            this.to = to;
            this.iterationsPerRound = iterationsPerRound;
            this.batch = batch;
            this.lr = lr;
            this.outDir = outDir;
        }

        /**
         * The teacher: card fields for one without a card (default: none), and what runs its steps
         * (default: the faster, measured).
         */
        public Builder teacher(CardOverrides overrides, TeacherEngine runsOn) {
            teacherOverrides = overrides == null ? CardOverrides.NONE : overrides;
            engine = runsOn == null ? TeacherEngine.AUTO : runsOn;
            return this;
        }

        /** The teacher's steps (default: its card's). */
        public Builder from(Integer steps) {
            from = steps;
            return this;
        }

        /**
         * A fresh student network and what it predicts (default: the teacher's own family, weights and
         * parameterization; v for a fresh network).
         */
        public Builder student(Family fresh, Parameterization p) {
            studentFamily = fresh;
            studentParameterization = p;
            return this;
        }

        /**
         * What it learns from: a data set by name or "teacher" (default: the teacher card's), or data
         * already opened; with "teacher", how many samples (default: 4,096 points or 1,024 images).
         */
        public Builder data(String name, TrainingData.Source opened, Integer samplesOfTheTeacher) {
            dataset = name;
            data = opened;
            teacherSamples = samplesOfTheTeacher;
            return this;
        }

        /** The loss weighting (default: SNR+1, the v-MSE), clipping by global norm (default 1; 0: none), seed. */
        public Builder optimiser(Weighting w, double clipNorm, long randomSeed) {
            weighting = w == null ? Weighting.SNR_PLUS_ONE : w;
            clip = clipNorm;
            seed = randomSeed;
            return this;
        }

        /**
         * A fresh student's copy stage: its iterations (default: four rounds' worth; 0: none) and
         * learning rate (default: {@code lr}); and the first round's iterations (default: a round's).
         */
        public Builder stages(Long copyStage, Double copyStageLr, Long firstRound) {
            copyIterations = copyStage;
            copyLr = copyStageLr;
            firstRoundIterations = firstRound;
            return this;
        }

        /** Where MNIST is (for a teacher trained on it), and the command line the students' cards record. */
        public Builder context(Path mnist, String commandLine) {
            mnistFolder = mnist;
            command = commandLine == null ? "" : commandLine;
            return this;
        }

        /** Iterations for chosen rounds, by their student's steps (default: none). */
        public Builder roundIterations(RoundIterations v) {
            roundIterations = v == null ? RoundIterations.NONE : v;
            return this;
        }

        /** The configuration, checked. */
        public DistillConfig build() {
            return new DistillConfig(teacher, teacherOverrides, studentFamily, studentParameterization, dataset, from,
                    to, iterationsPerRound, batch, lr, weighting, clip, seed, engine, outDir, mnistFolder, command,
                    copyIterations, copyLr, data, teacherSamples, firstRoundIterations, roundIterations);
        }
    }
}
